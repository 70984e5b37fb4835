package io.orderflow.gateway.openapi;

import io.orderflow.gateway.GatewayProperties;
import io.orderflow.gateway.orders.WaitForTerminal;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.springdoc.core.customizers.ParameterCustomizer;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code waitForTerminal}'s pattern depends on the configured maximum wait, so it cannot be written
 * in an annotation: it is the one {@link WaitForTerminal} validates with.
 */
@Component
class WaitForTerminalParameter implements ParameterCustomizer {

    private final String pattern;

    WaitForTerminalParameter(GatewayProperties properties) {
        this.pattern = WaitForTerminal.pattern(properties.orders().maxWait());
    }

    @Override
    public Parameter customize(Parameter parameter, MethodParameter method) {
        RequestParam query = method.getParameterAnnotation(RequestParam.class);
        if (parameter != null && query != null && WaitForTerminal.PARAMETER.equals(query.name())) {
            parameter.setSchema(new StringSchema().pattern(pattern));
        }
        return parameter;
    }
}
