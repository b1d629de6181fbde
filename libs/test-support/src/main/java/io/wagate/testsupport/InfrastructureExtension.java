package io.wagate.testsupport;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the shared servers before the first test class that needs them and hands each test class its own
 * {@link TestInfrastructure} view (own database, own Redis database).
 */
final class InfrastructureExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(InfrastructureExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        SharedInfrastructure.get();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == TestInfrastructure.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        ExtensionContext classContext = extension.getParent()
                .filter(parent -> parent.getTestClass().isPresent() && parent.getTestMethod().isEmpty())
                .orElse(extension);
        return classContext.getStore(NAMESPACE).computeIfAbsent(TestInfrastructure.class,
                key -> new TestInfrastructure(SharedInfrastructure.get()), TestInfrastructure.class);
    }
}
