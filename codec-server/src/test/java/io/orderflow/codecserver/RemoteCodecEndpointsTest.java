package io.orderflow.codecserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.util.JsonFormat;
import io.orderflow.OrderflowDataConverter;
import io.orderflow.checkout.CheckoutRequest;
import io.orderflow.codec.AesGcmPayloadCodec;
import io.orderflow.identity.testing.DevIdentityProvider;
import io.orderflow.identity.testing.DevTokens;
import io.orderflow.testing.Orders;
import io.orderflow.testing.TestEncryption;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.Payloads;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.EncodingKeys;
import io.temporal.payload.codec.AbstractRemoteDataEncoderCodec;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The codec server as it runs, on a random port, trusting the real dev identity provider
 * (in-process): operators decode what the workers encrypted and encode what the workers can read;
 * customers and callers without a token get nothing; the Web UI's origin may call it from a
 * browser with credentials, other origins may not.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = CodecServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + CodecServerApplication.CONFIG_NAME)
class RemoteCodecEndpointsTest {

    private static final DevIdentityProvider IDENTITY = DevIdentityProvider.start();
    private static final DevTokens TOKENS = IDENTITY.tokens();
    private static final String WEB_UI = "http://127.0.0.1:8233";

    /** What the workers and the gateway write: the production converter with the shared key ring. */
    private final DataConverter workers = TestEncryption.converter();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void issuerAndKeys(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> IDENTITY.issuer().toString());
        registry.add("orderflow.encryption.current-key-id", () -> TestEncryption.KEY_ID);
        registry.add("orderflow.encryption.keys." + TestEncryption.KEY_ID, () -> TestEncryption.KEY);
    }

    @Test
    void anOperatorDecodesWhatTheWorkersEncrypted() throws Exception {
        Payload stored = workers.toPayload(Orders.sample("o-1")).orElseThrow();

        HttpResponse<String> reply = post("/decode", json(stored), operator());

        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        assertThat(reply.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/json"));
        Payload decoded = payloads(reply.body()).get(0);
        assertThat(decoded).isEqualTo(OrderflowDataConverter.create().toPayload(Orders.sample("o-1")).orElseThrow());
        assertThat(decoded.getData().toStringUtf8()).contains("tok_visa");
    }

    @Test
    void anOperatorEncodesAPayloadTheWorkersCanRead() throws Exception {
        Payload plain = OrderflowDataConverter.create().toPayload(Orders.sample("o-2")).orElseThrow();

        HttpResponse<String> reply = post("/encode", json(plain), operator());

        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        Payload encoded = payloads(reply.body()).get(0);
        assertThat(encoded.getMetadataOrThrow(EncodingKeys.METADATA_ENCODING_KEY).toStringUtf8())
                .isEqualTo(AesGcmPayloadCodec.ENCODING);
        assertThat(reply.body()).doesNotContain("tok_visa");
        assertThat(workers.fromPayload(encoded, CheckoutRequest.class, CheckoutRequest.class))
                .isEqualTo(Orders.sample("o-2"));
    }

    @Test
    void temporalsOwnRemoteCodecClientRoundTripsThroughIt() {
        // The SDK's client side of the protocol (paths, content type, JSON mapping), with the
        // operator's token added as the Web UI adds it.
        AbstractRemoteDataEncoderCodec remote = new AbstractRemoteDataEncoderCodec("http://127.0.0.1:" + port) {
            @Override
            protected Reader performPost(String url, String json) throws IOException {
                HttpResponse<String> reply = send(HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + operator())
                        .POST(HttpRequest.BodyPublishers.ofString(json)));
                if (reply.statusCode() != 200) {
                    throw new IOException(reply.statusCode() + " " + reply.body());
                }
                return new StringReader(reply.body());
            }
        };
        List<Payload> plain = List.of(OrderflowDataConverter.create().toPayload(Orders.sample("o-3")).orElseThrow(),
                OrderflowDataConverter.create().toPayload("second").orElseThrow());

        List<Payload> encoded = remote.encode(plain);

        assertThat(encoded).hasSize(2).allSatisfy(payload ->
                assertThat(payload.getData().toStringUtf8()).doesNotContain("tok_visa", "second"));
        assertThat(remote.decode(encoded)).isEqualTo(plain);
    }

    @Test
    void aCustomerTokenIsForbiddenAndTheRefusalIsLoggedWithTheCustomer(CapturedOutput output) {
        Payload stored = workers.toPayload(Orders.sample("o-4")).orElseThrow();

        HttpResponse<String> reply = post("/decode", json(stored), TOKENS.accessToken(DevTokens.ALICE));

        assertThat(reply.statusCode()).isEqualTo(403);
        assertThat(reply.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge ->
                assertThat(challenge).startsWith("Bearer").contains("insufficient_scope"));
        assertThat(reply.body()).doesNotContain("tok_visa");
        assertThat(output.getAll()).contains("refused POST /decode for alice");
        assertThat(output.getAll()).doesNotContain("tok_visa");
    }

    @Test
    void anOperatorClientAskingForFewerScopesIsForbidden() {
        String readOnly = TOKENS.accessToken(DevTokens.OPERATOR.withScopes("orders:read"));

        assertThat(post("/decode", json(workers.toPayload("x").orElseThrow()), readOnly).statusCode()).isEqualTo(403);
    }

    @Test
    void noTokenOrAnInvalidTokenIsUnauthorizedWithABearerChallenge() {
        String body = json(workers.toPayload(Orders.sample("o-5")).orElseThrow());

        for (String token : new String[] {null, "not-a-jwt"}) {
            HttpResponse<String> reply = post("/decode", body, token);

            assertThat(reply.statusCode()).isEqualTo(401);
            assertThat(reply.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge ->
                    assertThat(challenge).startsWith("Bearer"));
            assertThat(reply.body()).doesNotContain("tok_visa");
        }
    }

    @Test
    void theWebUiOriginMayCallItFromTheBrowserWithCredentials() {
        HttpResponse<String> preflight = preflight(WEB_UI);

        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue(WEB_UI);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase())
                .contains("authorization", "content-type", "x-namespace", "authorization-extras");

        HttpResponse<String> reply = send(request("/decode?preserveStorageRefs=true",
                json(workers.toPayload("x").orElseThrow()), operator())
                .header("Origin", WEB_UI)
                .header("Authorization-Extras", "an id token")
                .header("X-Namespace", "default"));
        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.headers().firstValue("Access-Control-Allow-Origin")).hasValue(WEB_UI);
    }

    @Test
    void anotherOriginIsNotAllowedToCallItFromTheBrowser() {
        HttpResponse<String> preflight = preflight("http://evil.example");

        assertThat(preflight.statusCode()).isEqualTo(403);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void anEmptyNamespaceHeaderNamesNoNamespace() throws Exception {
        // What `temporal workflow show --codec-endpoint …` sends when it is not given --namespace.
        HttpResponse<String> reply = send(request("/decode", json(workers.toPayload(Orders.sample("o-8")).orElseThrow()),
                operator()).header("X-Namespace", ""));

        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        assertThat(payloads(reply.body()).get(0).getData().toStringUtf8()).contains("tok_visa");
    }

    @Test
    void aNamespaceThisServerDoesNotServeIsRefused() {
        HttpResponse<String> reply = send(request("/decode", json(workers.toPayload("x").orElseThrow()), operator())
                .header("X-Namespace", "payments-team"));

        assertThat(reply.statusCode()).isEqualTo(403);
        assertThat(reply.body()).contains("payments-team");
        assertThat(send(request("/decode", json(workers.toPayload("x").orElseThrow()), operator())
                .header("X-Namespace", "default")).statusCode()).isEqualTo(200);
    }

    @Test
    void theEndpointsAlsoAnswerUnderANamespaceSegmentAndRefuseAnUnservedOne() throws Exception {
        Payload stored = workers.toPayload(Orders.sample("o-7")).orElseThrow();

        HttpResponse<String> served = post("/default/decode", json(stored), operator());
        HttpResponse<String> unserved = post("/payments-team/decode", json(stored), operator());
        HttpResponse<String> customer = post("/default/decode", json(stored), TOKENS.accessToken(DevTokens.ALICE));

        assertThat(served.statusCode()).as(served.body()).isEqualTo(200);
        assertThat(payloads(served.body()).get(0).getData().toStringUtf8()).contains("tok_visa");
        assertThat(unserved.statusCode()).isEqualTo(403);
        assertThat(unserved.body()).doesNotContain("tok_visa");
        assertThat(customer.statusCode()).isEqualTo(403);
    }

    @Test
    void aTamperedPayloadIsAnUnprocessableProblemNotAGarbledAnswer() {
        Payload stored = workers.toPayload(Orders.sample("o-6")).orElseThrow();
        byte[] data = stored.getData().toByteArray();
        data[20] ^= 0x01;
        Payload tampered = stored.toBuilder().setData(ByteString.copyFrom(data)).build();

        HttpResponse<String> reply = post("/decode", json(tampered), operator());

        assertThat(reply.statusCode()).isEqualTo(422);
        assertThat(reply.body()).contains("failed authentication");
    }

    @Test
    void aBodyThatIsNotPayloadsIsABadRequest() {
        assertThat(post("/decode", "{\"payloads\": 42}", operator()).statusCode()).isEqualTo(400);
    }

    @Test
    void healthNeedsNoTokenButNothingElseIsExposed() {
        assertThat(send(HttpRequest.newBuilder(uri("/actuator/health/readiness")).GET()).statusCode()).isEqualTo(200);
        assertThat(send(HttpRequest.newBuilder(uri("/actuator/env")).header("Authorization", "Bearer " + operator())
                .GET()).statusCode()).isIn(403, 404);
    }

    private String operator() {
        return TOKENS.accessToken(DevTokens.OPERATOR);
    }

    private HttpResponse<String> post(String path, String body, String token) {
        return send(request(path, body, token));
    }

    private HttpRequest.Builder request(String path, String body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private HttpResponse<String> preflight(String origin) {
        return send(HttpRequest.newBuilder(uri("/decode"))
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                // Exactly what the Web UI asks for when it forwards the operator's tokens.
                .header("Access-Control-Request-Headers", "authorization,authorization-extras,content-type,x-namespace")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String json(Payload... payloads) {
        try {
            return JsonFormat.printer().print(Payloads.newBuilder().addAllPayloads(List.of(payloads)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Payload> payloads(String json) throws IOException {
        Payloads.Builder builder = Payloads.newBuilder();
        JsonFormat.parser().merge(json, builder);
        return new ArrayList<>(builder.getPayloadsList());
    }
}
