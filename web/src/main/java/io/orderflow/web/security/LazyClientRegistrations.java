package io.orderflow.web.security;

import java.util.Map;
import java.util.function.Supplier;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/**
 * The login registration, completed from the issuer's discovery document on first use instead of
 * at start: the pages start, and answer their probes, while the identity provider is still starting
 * or briefly away (a login tried then fails, and the next one reads the document again). Once read,
 * the registration is kept.
 */
final class LazyClientRegistrations implements ClientRegistrationRepository {

    private final Supplier<Map<String, ClientRegistration>> discover;
    private volatile Map<String, ClientRegistration> registrations;

    LazyClientRegistrations(Supplier<Map<String, ClientRegistration>> discover) {
        this.discover = discover;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        Map<String, ClientRegistration> known = registrations;
        if (known == null) {
            synchronized (this) {
                if (registrations == null) {
                    registrations = Map.copyOf(discover.get());
                }
                known = registrations;
            }
        }
        return known.get(registrationId);
    }
}
