package kiln.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A second JVM for a test that needs a process of its own: a lock holder, a build to crash, the
 * packaged command line. It runs the JDK running the test, so the child sees the same Java.
 */
public final class ChildJvm {

  /** A child JVM with the JDK's default options. */
  public static final ChildJvm PLAIN = new ChildJvm(List.of());

  private final List<String> options;

  private ChildJvm(List<String> options) {
    this.options = List.copyOf(options);
  }

  /** A child JVM started with these JVM options, e.g. {@code -XX:+UseSerialGC}. */
  public static ChildJvm with(String... options) {
    return new ChildJvm(List.of(options));
  }

  /** Runs {@code main} with {@code args}, on the test's own class path. */
  public ProcessBuilder main(Class<?> main, String... args) {
    List<String> argv = java();
    argv.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
    argv.addAll(List.of(args));
    return new ProcessBuilder(argv);
  }

  /** Runs the executable {@code jar} with {@code args}. */
  public ProcessBuilder jar(Path jar, List<String> args) {
    List<String> argv = java();
    argv.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
    argv.addAll(args);
    return new ProcessBuilder(argv);
  }

  private List<String> java() {
    List<String> argv = new ArrayList<>();
    argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    argv.addAll(options);
    return argv;
  }
}
