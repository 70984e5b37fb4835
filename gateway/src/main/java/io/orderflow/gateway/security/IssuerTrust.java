package io.orderflow.gateway.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;

/**
 * How tokens are checked: signed by the issuer's published keys (discovered from
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}), naming that issuer, and not
 * expired beyond the allowed clock skew. The issuer is looked up on first use, so the gateway
 * starts (and answers 401) even while the identity provider is still starting.
 */
@Configuration(proxyBeanMethods = false)
class IssuerTrust {

    /** Settings under {@code orderflow.gateway.security}. */
    @ConfigurationProperties("orderflow.gateway.security")
    record Settings(@DefaultValue("30s") Duration clockSkew) {
    }

    @Bean
    JwtDecoder jwtDecoder(OAuth2ResourceServerProperties resourceServer, Settings settings) {
        String issuer = resourceServer.getJwt().getIssuerUri();
        return new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = JwtDecoders.fromIssuerLocation(issuer);
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                    new JwtTimestampValidator(settings.clockSkew()), new JwtIssuerValidator(issuer)));
            return decoder;
        });
    }
}
