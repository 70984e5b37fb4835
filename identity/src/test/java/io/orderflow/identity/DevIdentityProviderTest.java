package io.orderflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import io.orderflow.identity.testing.DevIdentityProvider;
import io.orderflow.identity.testing.DevTokens;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dev identity provider as its users meet it: over HTTP, with the documented clients and users. */
class DevIdentityProviderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SWAGGER_REDIRECT = "http://127.0.0.1:8080/swagger-ui/oauth2-redirect.html";

    private static DevIdentityProvider provider;
    private static DevTokens tokens;

    @BeforeAll
    static void start() {
        provider = DevIdentityProvider.start();
        tokens = provider.tokens();
    }

    @AfterAll
    static void stop() {
        provider.close();
    }

    @Test
    void publishesOidcDiscoveryAndKeysForItsIssuer() throws Exception {
        JsonNode discovery = getJson("/.well-known/openid-configuration");

        assertThat(discovery.path("issuer").asText()).isEqualTo(provider.issuer().toString());
        assertThat(discovery.path("token_endpoint").asText()).isEqualTo(provider.issuer() + "/oauth2/token");
        JsonNode keys = getJson("/oauth2/jwks").path("keys");
        assertThat(keys).isNotEmpty();
        assertThat(keys.get(0).path("kty").asText()).isEqualTo("RSA");
    }

    @Test
    void aliceClientGetsATokenWhoseSubjectIsAlice() {
        JsonNode claims = claims(tokens.freshAccessToken(DevTokens.ALICE));

        assertThat(claims.path("sub").asText()).isEqualTo("alice");
        assertThat(claims.path("iss").asText()).isEqualTo(provider.issuer().toString());
        assertThat(scopes(claims)).containsExactlyInAnyOrder("orders:read", "orders:write");
    }

    @Test
    void operatorClientGetsEveryScope() {
        JsonNode claims = claims(tokens.freshAccessToken(DevTokens.OPERATOR));

        assertThat(claims.path("sub").asText()).isEqualTo("operator");
        assertThat(scopes(claims)).containsExactlyInAnyOrder("orders:read", "orders:write", "orders:admin",
                "catalog:write");
    }

    @Test
    void aCustomerClientCannotObtainOperatorScopes() throws Exception {
        HttpResponse<String> response = tokenRequest("customer-bob", "bob-dev-secret", "orders:admin");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("invalid_scope");
    }

    @Test
    void aWrongSecretGetsNoToken() throws Exception {
        HttpResponse<String> response = tokenRequest("customer-alice", "not-the-secret", "orders:read");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("invalid_client");
    }

    @Test
    void aliceLogsInInTheBrowserWithPkceAndGetsOnlyCustomerScopes() throws Exception {
        JsonNode claims = claims(browserLogin("alice", "alice-dev-password",
                "openid orders:read orders:write orders:admin catalog:write"));

        assertThat(claims.path("sub").asText()).isEqualTo("alice");
        assertThat(scopes(claims)).contains("orders:read", "orders:write")
                .doesNotContain("orders:admin", "catalog:write");
    }

    @Test
    void theOperatorLogsInInTheBrowserAndKeepsOperatorScopes() throws Exception {
        JsonNode claims = claims(browserLogin("operator", "operator-dev-password", "openid orders:read orders:admin"));

        assertThat(claims.path("sub").asText()).isEqualTo("operator");
        assertThat(scopes(claims)).contains("orders:read", "orders:admin");
    }

    @Test
    void theBrowserClientCannotSkipPkce() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(URI.create(provider.issuer()
                        + "/oauth2/authorize?response_type=code&client_id=orderflow-web&scope=openid&redirect_uri="
                        + encode(SWAGGER_REDIRECT))).build(), HttpResponse.BodyHandlers.ofString());

        // Without a code_challenge the request is refused (an error redirect or page), never a login.
        String location = response.headers().firstValue("Location").orElse("");
        assertThat(location).doesNotEndWith("/login").doesNotContain("code=");
        assertThat(response.statusCode()).isIn(302, 400);
    }

    /** The authorization code flow with PKCE, as a browser walks it: authorize, log in, redirect, exchange. */
    private static String browserLogin(String username, String password, String scope) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String authorize = provider.issuer() + "/oauth2/authorize?response_type=code&client_id=orderflow-web"
                + "&scope=" + encode(scope) + "&redirect_uri=" + encode(SWAGGER_REDIRECT) + "&state=xyz"
                + "&code_challenge=" + challenge + "&code_challenge_method=S256";

        HttpResponse<String> toLogin = browser.send(get(authorize, true), HttpResponse.BodyHandlers.ofString());
        assertThat(toLogin.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        HttpResponse<String> loginPage = browser.send(get(provider.issuer() + "/login", true),
                HttpResponse.BodyHandlers.ofString());
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(loginPage.body());
        assertThat(csrf.find()).as("login page has a CSRF token").isTrue();
        HttpResponse<String> loggedIn = browser.send(HttpRequest.newBuilder(URI.create(provider.issuer() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=" + encode(password)
                        + "&_csrf=" + encode(csrf.group(1))))
                .build(), HttpResponse.BodyHandlers.ofString());
        String back = loggedIn.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> redirected = browser.send(get(back, true), HttpResponse.BodyHandlers.ofString());
        String callback = redirected.headers().firstValue("Location").orElseThrow();
        assertThat(callback).startsWith(SWAGGER_REDIRECT).contains("state=xyz");
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(callback);
        assertThat(code.find()).isTrue();

        HttpResponse<String> token = browser.send(HttpRequest.newBuilder(URI.create(provider.issuer() + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&client_id=orderflow-web"
                        + "&code=" + code.group(1) + "&redirect_uri=" + encode(SWAGGER_REDIRECT)
                        + "&code_verifier=" + verifier))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        return JSON.readTree(token.body()).path("access_token").asText();
    }

    private static HttpRequest get(String url, boolean html) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (html) {
            request.header("Accept", "text/html");
        }
        return request.build();
    }

    private static HttpResponse<String> tokenRequest(String clientId, String secret, String scope) throws Exception {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(provider.issuer() + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=" + encode(scope)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode getJson(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                get(provider.issuer() + path, false), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** The token's payload, read only to check what the provider put in it (never to trust it). */
    private static JsonNode claims(String jwt) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        } catch (RuntimeException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> scopes(JsonNode claims) {
        List<String> scopes = new java.util.ArrayList<>();
        claims.path("scope").forEach(scope -> scopes.add(scope.asText()));
        return scopes;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
