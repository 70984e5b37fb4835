// keda-temporal-check feeds the temporal triggers of rendered ScaledObjects to KEDA's own Temporal
// scaler (pkg/scalers, the code the KEDA operator runs) and reports, per ScaledObject, the metric
// KEDA would hand the HPA and whether KEDA would call it active. It proves that the queue, queue
// type and Worker Deployment version in our manifests are the ones our workers poll.
//
// Usage: kubectl kustomize <overlay> | keda-temporal-check --address HOST:PORT [flags]
// Run it through deploy/tests/keda-check.sh, which documents the flags and exit codes.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/go-logr/logr"
	kedav1alpha1 "github.com/kedacore/keda/v2/apis/keda/v1alpha1"
	"github.com/kedacore/keda/v2/pkg/scalers"
	"github.com/kedacore/keda/v2/pkg/scalers/scalersconfig"
	utilyaml "k8s.io/apimachinery/pkg/util/yaml"
	logf "sigs.k8s.io/controller-runtime/pkg/log"
)

// Exit codes (keda-check.sh repeats them).
const (
	exitOK          = 0 // listed, or the expectation holds
	exitUnmet       = 1 // the scaler answered, but not what --expect wants (by --within)
	exitUsage       = 2 // bad flags or manifests
	exitScalerError = 3 // the scaler could not read a queue (Temporal unreachable, unknown version)
)

// trigger is one temporal trigger of one ScaledObject, as rendered.
type trigger struct {
	scaledObject string
	index        int
	spec         kedav1alpha1.ScaleTriggers
}

// reading is what KEDA's scaler said about one trigger.
type reading struct {
	metric string
	active bool
	err    error
}

func main() {
	address := flag.String("address", "127.0.0.1:7233", "Temporal frontend (replaces what endpointFromEnv resolves in the pod)")
	list := flag.Bool("list", false, "print the temporal triggers and exit")
	only := flag.String("only", "", "comma-separated ScaledObject names to check (default: all)")
	expect := flag.String("expect", "", "backlog=<name,name> (exactly these are active) or none")
	within := flag.Duration("within", 0, "retry until --expect holds or this much time has passed")
	flag.Parse()

	// The scaler logs through controller-runtime; its errors come back as values, so keep its
	// (JSON, per poll) log out of the report.
	logf.SetLogger(logr.Discard())

	triggers, err := readTriggers(os.Stdin)
	if err == nil {
		triggers, err = selectTriggers(triggers, *only)
	}
	var want []string
	if err == nil && *expect != "" {
		want, err = parseExpect(*expect, triggers)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		os.Exit(exitUsage)
	}
	if *list {
		printTriggers(triggers)
		return
	}

	deadline := time.Now().Add(*within)
	for attempt := 1; ; attempt++ {
		readings := measure(triggers, *address)
		active, failed := summarize(triggers, readings)
		met := *expect == "" || (!failed && slices.Equal(active, want))
		if met || !time.Now().Before(deadline) {
			printReadings(triggers, readings)
			switch {
			case failed:
				os.Exit(exitScalerError)
			case !met:
				fmt.Printf("UNMET after %d attempt(s): active %s, expected %s\n", attempt, names(active), names(want))
				os.Exit(exitUnmet)
			case *expect != "":
				fmt.Printf("OK: active %s, as expected (attempt %d)\n", names(active), attempt)
			}
			return
		}
		fmt.Printf("waiting: active %s, expected %s (attempt %d)\n", names(active), names(want), attempt)
		time.Sleep(2 * time.Second)
	}
}

// readTriggers decodes every document of the rendered manifests and keeps the temporal triggers
// of the ScaledObjects, decoded into KEDA's own API type.
func readTriggers(in io.Reader) ([]trigger, error) {
	decoder := utilyaml.NewYAMLOrJSONDecoder(bufio.NewReader(in), 4096)
	var triggers []trigger
	for {
		var raw json.RawMessage
		if err := decoder.Decode(&raw); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return nil, fmt.Errorf("manifests: %w", err)
		}
		var kind struct{ Kind string }
		if len(raw) == 0 || json.Unmarshal(raw, &kind) != nil || kind.Kind != "ScaledObject" {
			continue
		}
		var so kedav1alpha1.ScaledObject
		if err := json.Unmarshal(raw, &so); err != nil {
			return nil, fmt.Errorf("ScaledObject: %w", err)
		}
		for i, t := range so.Spec.Triggers {
			if t.Type == "temporal" {
				triggers = append(triggers, trigger{scaledObject: so.Name, index: i, spec: t})
			}
		}
	}
	if len(triggers) == 0 {
		return nil, errors.New("no ScaledObject with a temporal trigger in the manifests")
	}
	sort.SliceStable(triggers, func(a, b int) bool { return triggers[a].scaledObject < triggers[b].scaledObject })
	return triggers, nil
}

func selectTriggers(triggers []trigger, only string) ([]trigger, error) {
	if only == "" {
		return triggers, nil
	}
	var kept []trigger
	for _, name := range strings.Split(only, ",") {
		found := false
		for _, t := range triggers {
			if t.scaledObject == name {
				kept, found = append(kept, t), true
			}
		}
		if !found {
			return nil, fmt.Errorf("--only: no ScaledObject %q with a temporal trigger (have %s)", name, names(scaledObjects(triggers)))
		}
	}
	return kept, nil
}

// parseExpect turns "backlog=a,b" or "none" into the sorted names that must be active.
func parseExpect(expect string, triggers []trigger) ([]string, error) {
	if expect == "none" {
		return []string{}, nil
	}
	list, ok := strings.CutPrefix(expect, "backlog=")
	if !ok || list == "" {
		return nil, fmt.Errorf("--expect %q: want backlog=<name,name> or none", expect)
	}
	want := strings.Split(list, ",")
	for _, name := range want {
		if !slices.Contains(scaledObjects(triggers), name) {
			return nil, fmt.Errorf("--expect: no ScaledObject %q among those checked (%s)", name, names(scaledObjects(triggers)))
		}
	}
	sort.Strings(want)
	return slices.Compact(want), nil
}

// measure builds KEDA's scaler for each trigger, as the operator does, and asks it once.
func measure(triggers []trigger, address string) []reading {
	readings := make([]reading, len(triggers))
	for i, t := range triggers {
		readings[i] = measureOne(t, address)
	}
	return readings
}

func measureOne(t trigger, address string) reading {
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	config := &scalersconfig.ScalerConfig{
		ScalableObjectName: t.scaledObject,
		ScalableObjectType: "ScaledObject",
		TriggerName:        t.spec.Name,
		TriggerType:        t.spec.Type,
		TriggerIndex:       t.index,
		MetricType:         t.spec.MetricType,
		// The trigger's metadata exactly as rendered. KEDA resolves each *FromEnv key from the
		// scale target's container environment; here that environment is --address.
		TriggerMetadata:   t.spec.Metadata,
		ResolvedEnv:       map[string]string{t.spec.Metadata["endpointFromEnv"]: address},
		AuthParams:        map[string]string{},
		GlobalHTTPTimeout: 15 * time.Second,
	}
	scaler, err := scalers.NewTemporalScaler(ctx, config)
	if err != nil {
		return reading{err: err}
	}
	defer scaler.Close(ctx)
	// The metric name KEDA registers with the HPA for this trigger, then the value it serves.
	metricName := scaler.GetMetricSpecForScaling(ctx)[0].External.Metric.Name
	metrics, active, err := scaler.GetMetricsAndActivity(ctx, metricName)
	if err != nil {
		return reading{err: err}
	}
	return reading{metric: metrics[0].Value.String(), active: active}
}

// summarize returns the sorted ScaledObjects KEDA would call active (any active trigger makes
// its ScaledObject active) and whether any trigger could not be read.
func summarize(triggers []trigger, readings []reading) (active []string, failed bool) {
	active = []string{}
	for i, r := range readings {
		failed = failed || r.err != nil
		if r.active && !slices.Contains(active, triggers[i].scaledObject) {
			active = append(active, triggers[i].scaledObject)
		}
	}
	sort.Strings(active)
	return active, failed
}

func version(t trigger) string {
	if name := t.spec.Metadata["workerDeploymentName"]; name != "" {
		return name + "/" + t.spec.Metadata["workerDeploymentBuildId"]
	}
	return "unversioned"
}

func queueTypes(t trigger) string {
	if types := t.spec.Metadata["queueTypes"]; types != "" {
		return types
	}
	return "(all)"
}

func printTriggers(triggers []trigger) {
	out := tabwriter.NewWriter(os.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(out, "SCALEDOBJECT\tQUEUE\tTYPE\tDEPLOYMENT/BUILD\tAUTH\tMETADATA")
	for _, t := range triggers {
		auth := "-"
		if t.spec.AuthenticationRef != nil {
			auth = t.spec.AuthenticationRef.Name
		}
		keys := make([]string, 0, len(t.spec.Metadata))
		for key, value := range t.spec.Metadata {
			keys = append(keys, key+"="+value)
		}
		sort.Strings(keys)
		fmt.Fprintf(out, "%s\t%s\t%s\t%s\t%s\t%s\n", t.scaledObject, t.spec.Metadata["taskQueue"], queueTypes(t),
			version(t), auth, strings.Join(keys, " "))
	}
	out.Flush()
}

func printReadings(triggers []trigger, readings []reading) {
	out := tabwriter.NewWriter(os.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(out, "SCALEDOBJECT\tQUEUE\tTYPE\tDEPLOYMENT/BUILD\tMETRIC\tACTIVE")
	for i, t := range triggers {
		r := readings[i]
		metric, active := r.metric, fmt.Sprint(r.active)
		if r.err != nil {
			metric, active = "ERROR", r.err.Error()
		}
		fmt.Fprintf(out, "%s\t%s\t%s\t%s\t%s\t%s\n", t.scaledObject, t.spec.Metadata["taskQueue"], queueTypes(t),
			version(t), metric, active)
	}
	out.Flush()
}

func scaledObjects(triggers []trigger) []string {
	var all []string
	for _, t := range triggers {
		if !slices.Contains(all, t.scaledObject) {
			all = append(all, t.scaledObject)
		}
	}
	return all
}

func names(list []string) string {
	if len(list) == 0 {
		return "none"
	}
	return strings.Join(list, ",")
}
