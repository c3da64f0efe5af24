package kiln.testing;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The extra Docker engines a build-farm test runs on: {@code bin/engines start N} starts them, each
 * in its own network namespace, and {@code bin/test} starts two and names their endpoints in
 * {@value #VARIABLE} (comma-separated, e.g. {@code unix:///run/kiln-engines/e1/docker.sock}).
 *
 * <p>A test asking for engines that are not there fails: a farm test that skips would let a
 * misconfigured CI go green with nothing tested.
 */
public final class TestEngines {

  /** The environment variable naming the extra engines' endpoints. */
  public static final String VARIABLE = "KILN_TEST_ENGINES";

  private TestEngines() {}

  /** The first {@code count} extra engines' endpoints; fails if fewer are configured or up. */
  public static List<URI> endpoints(int count) {
    return endpoints(count, System.getenv(VARIABLE));
  }

  static List<URI> endpoints(int count, String value) {
    String advice =
        "; start them with `bin/engines start "
            + count
            + "` and export "
            + VARIABLE
            + " as the endpoints it prints, comma-separated (bin/test does both)";
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          "this test needs "
              + count
              + " extra Docker engines but "
              + VARIABLE
              + " is not set"
              + advice);
    }
    List<URI> endpoints = new ArrayList<>();
    for (String item : value.split(",")) {
      if (item.isBlank()) {
        continue;
      }
      URI endpoint = URI.create(item.strip());
      if ("unix".equals(endpoint.getScheme()) && !Files.exists(Path.of(endpoint.getPath()))) {
        throw new IllegalStateException(
            "the engine " + endpoint + " named in " + VARIABLE + " has no socket" + advice);
      }
      endpoints.add(endpoint);
    }
    if (endpoints.size() < count) {
      throw new IllegalStateException(
          "this test needs "
              + count
              + " extra Docker engines but "
              + VARIABLE
              + " names "
              + endpoints.size()
              + advice);
    }
    return List.copyOf(endpoints.subList(0, count));
  }
}
