package io.orderflow.web.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Who is looking at a page, for its header: a visitor, a customer or an operator. */
@ControllerAdvice
class CurrentPerson {

    /** The person's name, or null for a visitor who has not logged in. */
    @ModelAttribute("person")
    String person(Authentication authentication) {
        return authentication instanceof OAuth2AuthenticationToken login ? login.getName() : null;
    }

    @ModelAttribute("operator")
    boolean operator(Authentication authentication) {
        return authentication instanceof OAuth2AuthenticationToken login && login.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).anyMatch(ScopeAuthorities.OPERATOR::equals);
    }
}
