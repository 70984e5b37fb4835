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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.ConfigurableApplicationContext;

/** The dev identity provider as its users meet it: over HTTP, with the documented clients and users. */
class DevIdentityProviderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Calls that are not a browser's (no cookies, no login): the token endpoint, the metadata. */
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String SWAGGER_REDIRECT = "http://127.0.0.1:8080/swagger-ui/oauth2-redirect.html";
    /** The confidential client the Temporal Web UI's server logs operators in with (identity.yml). */
    private static final String TEMPORAL_UI = "temporal-ui";
    private static final String TEMPORAL_UI_SECRET = "temporal-ui-dev-secret";
    private static final String TEMPORAL_UI_CALLBACK = "http://127.0.0.1:8233/auth/sso/callback";
    private static final String WEB_PAGES = "orderflow-pages";
    private static final String WEB_PAGES_SECRET = "orderflow-pages-dev-secret";
    private static final String WEB_PAGES_CALLBACK = "http://127.0.0.1:8090/login/oauth2/code/orderflow";

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
    void bobClientGetsATokenWhoseSubjectIsBobWithCustomerScopes() {
        JsonNode claims = claims(tokens.freshAccessToken(DevTokens.BOB));

        assertThat(claims.path("sub").asText()).isEqualTo("bob");
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

    @ParameterizedTest(name = "{0}")
    @CsvSource({"alice, alice-dev-password", "bob, bob-dev-password"})
    void aCustomerLogsInInTheBrowserWithPkceAndGetsOnlyCustomerScopes(String user, String password) throws Exception {
        JsonNode claims = claims(browserLogin(user, password,
                "openid orders:read orders:write orders:admin catalog:write"));

        assertThat(claims.path("sub").asText()).isEqualTo(user);
        assertThat(scopes(claims)).contains("orders:read", "orders:write")
                .doesNotContain("orders:admin", "catalog:write");
    }

    @Test
    void aDevSecretIsReplacedByConfigurationAndTheDocumentedOneNoLongerWorks() throws Exception {
        try (ConfigurableApplicationContext configured = IdentityApplication.application().run("--server.port=0",
                "--orderflow.identity.clients.operator.secret=operator-own-secret")) {
            URI tokenEndpoint = URI.create("http://127.0.0.1:"
                    + configured.getEnvironment().getProperty("local.server.port") + "/oauth2/token");

            assertThat(tokenRequest(tokenEndpoint, "operator", "operator-dev-secret", "catalog:write").statusCode())
                    .isEqualTo(401);
            assertThat(tokenRequest(tokenEndpoint, "operator", "operator-own-secret", "catalog:write").statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void theOperatorLogsInInTheBrowserAndKeepsOperatorScopes() throws Exception {
        JsonNode claims = claims(browserLogin("operator", "operator-dev-password", "openid orders:read orders:admin"));

        assertThat(claims.path("sub").asText()).isEqualTo("operator");
        assertThat(scopes(claims)).contains("orders:read", "orders:admin");
    }

    @Test
    void theBrowserClientCannotSkipPkce() throws Exception {
        HttpResponse<String> response = browser().send(HttpRequest.newBuilder(URI.create(provider.issuer()
                        + "/oauth2/authorize?response_type=code&client_id=orderflow-web&scope=openid&redirect_uri="
                        + encode(SWAGGER_REDIRECT))).build(), HttpResponse.BodyHandlers.ofString());

        // Without a code_challenge the request is refused (an error redirect or page), never a login.
        String location = response.headers().firstValue("Location").orElse("");
        assertThat(location).doesNotEndWith("/login").doesNotContain("code=");
        assertThat(response.statusCode()).isIn(302, 400);
    }

    @Test
    void theTemporalUiLogsTheOperatorInWithItsSecretAndGetsAnIdTokenAndOperatorScopes() throws Exception {
        JsonNode token = temporalUiLogin("operator", "operator-dev-password", TEMPORAL_UI_SECRET);

        assertThat(token.path("id_token").asText()).as("an OIDC login: the UI server verifies the ID token").isNotEmpty();
        assertThat(claims(token.path("id_token").asText()).path("nonce").asText()).isEqualTo("n-0S6");
        JsonNode access = claims(token.path("access_token").asText());
        assertThat(access.path("sub").asText()).isEqualTo("operator");
        assertThat(scopes(access)).contains("orders:read", "orders:admin");
    }

    @Test
    void aliceLoggedInThroughTheTemporalUiGetsNoOperatorScope() throws Exception {
        JsonNode access = claims(temporalUiLogin("alice", "alice-dev-password", TEMPORAL_UI_SECRET)
                .path("access_token").asText());

        assertThat(access.path("sub").asText()).isEqualTo("alice");
        assertThat(scopes(access)).contains("orders:read").doesNotContain("orders:admin", "catalog:write");
    }

    @Test
    void theTemporalUiCannotExchangeACodeWithoutItsSecret() throws Exception {
        HttpClient browser = browser();
        String code = logIn(browser, authorizeUrl(TEMPORAL_UI, TEMPORAL_UI_CALLBACK, "openid orders:admin", null),
                "operator", "operator-dev-password", TEMPORAL_UI_CALLBACK);

        HttpResponse<String> token = exchange(browser, TEMPORAL_UI, "not-the-secret", code, TEMPORAL_UI_CALLBACK, null);

        assertThat(token.statusCode()).isEqualTo(401);
        assertThat(token.body()).contains("invalid_client").doesNotContain("access_token");
    }

    @Test
    void theTemporalUiClientReturnsOnlyToItsRegisteredCallback() throws Exception {
        HttpClient browser = browser();
        logIn(browser, authorizeUrl(TEMPORAL_UI, TEMPORAL_UI_CALLBACK, "openid", null),
                "operator", "operator-dev-password", TEMPORAL_UI_CALLBACK);

        // Logged in, the same person's browser is sent to another address of the UI's host: refused.
        HttpResponse<String> response = browser.send(get(authorizeUrl(TEMPORAL_UI,
                "http://127.0.0.1:8233/elsewhere", "openid", null), true), HttpResponse.BodyHandlers.ofString());

        assertThat(response.headers().firstValue("Location")).isEmpty();
        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void theWebPagesLogAliceInWithPkceAndTheirSecretAndHerIdTokenNamesOnlyHerScopes() throws Exception {
        HttpClient browser = browser();
        String verifier = verifier();
        String code = logIn(browser, authorizeUrl(WEB_PAGES, WEB_PAGES_CALLBACK,
                        "openid orders:read orders:write orders:admin catalog:write", challenge(verifier)),
                "alice", "alice-dev-password", WEB_PAGES_CALLBACK);

        HttpResponse<String> token = exchange(browser, WEB_PAGES, WEB_PAGES_SECRET, code, WEB_PAGES_CALLBACK, verifier);

        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        JsonNode response = JSON.readTree(token.body());
        assertThat(response.path("refresh_token").asText()).as("the pages keep the session going").isNotEmpty();
        JsonNode idToken = claims(response.path("id_token").asText());
        assertThat(idToken.path("sub").asText()).isEqualTo("alice");
        assertThat(scopes(idToken)).contains("orders:read", "orders:write").doesNotContain("orders:admin", "catalog:write");
        assertThat(scopes(claims(response.path("access_token").asText()))).doesNotContain("orders:admin");
    }

    @Test
    void theWebPagesCannotSkipPkce() throws Exception {
        HttpResponse<String> response = browser().send(get(authorizeUrl(WEB_PAGES, WEB_PAGES_CALLBACK, "openid", null),
                true), HttpResponse.BodyHandlers.ofString());

        String location = response.headers().firstValue("Location").orElse("");
        assertThat(location).doesNotEndWith("/login").doesNotContain("code=");
        assertThat(response.statusCode()).isIn(302, 400);
    }

    private static String verifier() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    private static String challenge(String verifier) throws Exception {
        return "&code_challenge=" + Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)))
                + "&code_challenge_method=S256";
    }

    /** The authorization code flow with PKCE, as a browser walks it: authorize, log in, redirect, exchange. */
    private static String browserLogin(String username, String password, String scope) throws Exception {
        HttpClient browser = browser();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String authorize = authorizeUrl("orderflow-web", SWAGGER_REDIRECT, scope,
                "&code_challenge=" + challenge + "&code_challenge_method=S256");

        String code = logIn(browser, authorize, username, password, SWAGGER_REDIRECT);

        HttpResponse<String> token = exchange(browser, "orderflow-web", null, code, SWAGGER_REDIRECT, verifier);
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        return JSON.readTree(token.body()).path("access_token").asText();
    }

    /**
     * The login the Temporal UI server runs: the authorization code flow with a nonce and no PKCE,
     * the code exchanged with the client's secret (HTTP Basic). Returns the token response.
     */
    private static JsonNode temporalUiLogin(String username, String password, String clientSecret) throws Exception {
        HttpClient browser = browser();
        String code = logIn(browser, authorizeUrl(TEMPORAL_UI, TEMPORAL_UI_CALLBACK,
                "openid profile orders:read orders:admin", "&nonce=n-0S6"), username, password, TEMPORAL_UI_CALLBACK);

        HttpResponse<String> token = exchange(browser, TEMPORAL_UI, clientSecret, code, TEMPORAL_UI_CALLBACK, null);
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        return JSON.readTree(token.body());
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private static String authorizeUrl(String clientId, String redirectUri, String scope, String extra) {
        return provider.issuer() + "/oauth2/authorize?response_type=code&client_id=" + clientId
                + "&scope=" + encode(scope) + "&redirect_uri=" + encode(redirectUri) + "&state=xyz"
                + (extra == null ? "" : extra);
    }

    /** Authorize, log in on the provider's page, follow it back: the code handed to the callback. */
    private static String logIn(HttpClient browser, String authorize, String username, String password,
            String callbackUri) throws Exception {
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
        assertThat(callback).startsWith(callbackUri).contains("state=xyz");
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(callback);
        assertThat(code.find()).isTrue();
        return code.group(1);
    }

    /** The code exchange: a public client names itself (and its PKCE verifier), a confidential one authenticates. */
    private static HttpResponse<String> exchange(HttpClient browser, String clientId, String clientSecret, String code,
            String redirectUri, String verifier) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(provider.issuer() + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded");
        String form = "grant_type=authorization_code&code=" + code + "&redirect_uri=" + encode(redirectUri);
        if (clientSecret != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8)));
        } else {
            form += "&client_id=" + clientId;
        }
        if (verifier != null) {
            form += "&code_verifier=" + verifier;
        }
        return browser.send(request.POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest get(String url, boolean html) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (html) {
            request.header("Accept", "text/html");
        }
        return request.build();
    }

    private static HttpResponse<String> tokenRequest(String clientId, String secret, String scope) throws Exception {
        return tokenRequest(URI.create(provider.issuer() + "/oauth2/token"), clientId, secret, scope);
    }

    private static HttpResponse<String> tokenRequest(URI tokenEndpoint, String clientId, String secret, String scope)
            throws Exception {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return HTTP.send(HttpRequest.newBuilder(tokenEndpoint)
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=" + encode(scope)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode getJson(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(
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
