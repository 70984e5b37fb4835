package io.orderflow.testing.mariadb;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * {@code @ExtendWith(MariaDbExtension.class)}: makes sure the JVM-wide {@link MariaDbServer} runs
 * before the test class, and injects it into test methods and constructors that ask for it.
 *
 * <p>Spring tests point Boot at it from a {@code @DynamicPropertySource}, e.g.
 * {@code registry.add("spring.datasource.url", () -> MariaDbServer.shared().jdbcUrl("stock"))}; the
 * supplier starts the server lazily, so the order of extensions does not matter.
 */
public class MariaDbExtension implements BeforeAllCallback, ParameterResolver {

    @Override
    public void beforeAll(ExtensionContext context) {
        MariaDbServer.shared();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == MariaDbServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        return MariaDbServer.shared();
    }
}
