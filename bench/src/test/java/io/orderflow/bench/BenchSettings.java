package io.orderflow.bench;

/**
 * One run's settings, from system properties ({@code -Dworkload=open -Drate=20 -Dduration=60}).
 *
 * @param workload open (arrival rate) or closed (concurrent customers)
 * @param rate orders started per second (open workload)
 * @param users customers placing orders one after the other (closed workload)
 * @param durationSeconds how long orders are started
 * @param baseUrl the gateway
 * @param issuer the dev identity provider
 */
record BenchSettings(Workload workload, double rate, int users, int durationSeconds, String baseUrl, String issuer) {

    enum Workload { OPEN, CLOSED }

    static BenchSettings fromSystemProperties() {
        return new BenchSettings(
                Workload.valueOf(System.getProperty("workload", "open").toUpperCase()),
                Double.parseDouble(System.getProperty("rate", "10")),
                Integer.parseInt(System.getProperty("users", "16")),
                Integer.parseInt(System.getProperty("duration", "60")),
                System.getProperty("baseUrl", "http://127.0.0.1:8080"),
                System.getProperty("issuer", "http://127.0.0.1:9000"));
    }
}
