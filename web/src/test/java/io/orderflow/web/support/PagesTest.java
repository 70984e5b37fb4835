package io.orderflow.web.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oauth2Client;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;

import io.orderflow.identity.testing.DevIdentityProvider;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The whole web application, as its process runs it, in front of a {@link FakeGateway}, with its
 * login registration read from the real dev identity provider (started in-process). Requests carry
 * a logged-in person ({@link #as}) whose session holds an access token named after them, so a test
 * sees which person's token each gateway call carried. The provider and the fake gateway serve
 * every test class of this JVM and stop with it.
 */
@SpringBootTest(properties = "spring.config.name=web")
@AutoConfigureMockMvc
public abstract class PagesTest {

    protected static final FakeGateway GATEWAY = FakeGateway.start();
    private static final DevIdentityProvider IDENTITY = DevIdentityProvider.start();

    @Autowired
    protected MockMvc mvc;

    @Autowired
    private ClientRegistrationRepository registrations;

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry properties) {
        properties.add("orderflow.web.gateway-url", GATEWAY::baseUrl);
        properties.add("spring.security.oauth2.client.provider.orderflow.issuer-uri", () -> IDENTITY.issuer().toString());
        properties.add("orderflow.web.temporal-ui-url", () -> "http://temporal-ui.test:8233");
        properties.add("orderflow.web.capabilities-fresh-for", () -> "0s");
        properties.add("server.port", () -> "0");
        properties.add("management.server.port", () -> "0");
    }

    @BeforeEach
    void freshGateway() {
        GATEWAY.reset();
    }

    /** A customer logged in as {@code name} (scopes orders:read orders:write). */
    protected RequestPostProcessor as(String name) {
        return login(name, List.of("orders:read", "orders:write"));
    }

    /** The operator (orders:admin, catalog:write as well). */
    protected RequestPostProcessor asOperator() {
        return login("operator", List.of("orders:read", "orders:write", "orders:admin", "catalog:write"));
    }

    private RequestPostProcessor login(String name, List<String> scopes) {
        ClientRegistration registration = registrations.findByRegistrationId("orderflow");
        RequestPostProcessor login = oidcLogin()
                .clientRegistration(registration)
                .idToken(token -> token.subject(name).claim("scope", scopes))
                .authorities(scopes.stream().<GrantedAuthority>map(scope -> new SimpleGrantedAuthority("SCOPE_" + scope)).toList());
        // The session's access token, named after the person so the fake gateway can tell who called.
        RequestPostProcessor token = oauth2Client(registration.getRegistrationId())
                .clientRegistration(registration)
                .principalName(name)
                .accessToken(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, name + "-token",
                        Instant.now(), Instant.now().plusSeconds(600)));
        return request -> token.postProcessRequest(login.postProcessRequest(request));
    }
}
