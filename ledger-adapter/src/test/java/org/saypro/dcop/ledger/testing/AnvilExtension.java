package org.saypro.dcop.ledger.testing;

import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.saypro.dcop.ledger.LedgerSettings;
import org.saypro.dcop.ledger.LocalDevChain;

/**
 * Starts an anvil dev chain on a free loopback port before the tests of a class and stops it after them. Test
 * constructors, lifecycle and test methods may declare a {@link LocalDevChain} or a {@link LedgerSettings} (dev
 * account 0, no contract yet) parameter.
 *
 * <pre>{@code
 * @ExtendWith(AnvilExtension.class)
 * class MyIT {
 *   @Test
 *   void anchors(LocalDevChain chain) { ... chain.rpcUrl() ... }
 * }
 * }</pre>
 *
 * <p>Runs {@code npm ci} in ledger-adapter first when anvil is not installed. Other modules get this class from the
 * ledger-adapter test-jar ({@code <type>test-jar</type>}, {@code <scope>test</scope>}). Register it with {@code
 * @RegisterExtension static AnvilExtension anvil = new AnvilExtension(b -> b.hardfork("prague"))} to configure the
 * chain.
 */
public final class AnvilExtension implements BeforeAllCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(AnvilExtension.class);

  private final Consumer<LocalDevChain.Builder> configuration;

  public AnvilExtension() {
    this(builder -> {});
  }

  public AnvilExtension(Consumer<LocalDevChain.Builder> configuration) {
    this.configuration = configuration;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    chain(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == LocalDevChain.class || type == LedgerSettings.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    LocalDevChain chain = chain(context);
    if (type == LocalDevChain.class) {
      return chain;
    }
    if (type == LedgerSettings.class) {
      return LedgerSettings.forDevChain(chain);
    }
    throw new ParameterResolutionException("AnvilExtension cannot supply a " + type.getName());
  }

  /** The chain of the test class (started on first use; JUnit closes it when the class's tests are done). */
  private LocalDevChain chain(ExtensionContext context) {
    ExtensionContext classContext = context;
    while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
      classContext = classContext.getParent().get();
    }
    return classContext
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(LocalDevChain.class, key -> start(), LocalDevChain.class);
  }

  private LocalDevChain start() {
    LocalDevChain.Builder builder = LocalDevChain.builder().binary(anvil());
    configuration.accept(builder);
    return builder.start();
  }

  /** The anvil binary, installing the npm packages of ledger-adapter first if needed. */
  public static Path anvil() {
    try {
      return LocalDevChain.locateAnvil();
    } catch (IllegalStateException missing) {
      NodeTooling.ensureInstalled();
      return LocalDevChain.locateAnvil();
    }
  }
}
