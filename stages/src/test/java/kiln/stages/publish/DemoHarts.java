package kiln.stages.publish;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import kiln.stages.artifact.FilesMetadata;
import kiln.stages.artifact.HartWriter;
import kiln.stages.artifact.OriginKeys;
import kiln.stages.artifact.SecretSigningKey;
import kiln.stages.artifact.Staging;
import kiln.world.PackageIdent;

/**
 * Real signed artifacts shaped like the demo's: stage2's glibc and busybox, and stage3's libgreet
 * and hello on top of them, each with the DEPS and TDEPS a build writes.
 */
final class DemoHarts {

  static final String GLIBC = "demo/glibc/2.36/20261201000000";
  static final String BUSYBOX = "demo/busybox/1.36.1/20261201000100";
  static final String LIBGREET = "demo/libgreet/0.3.0/20261202000000";
  static final String HELLO = "demo/hello/1.4.2/20261202000100";

  final Path root;
  final OriginKeys keys;
  final SecretSigningKey key;
  final Path stage2;
  final Path stage3;

  DemoHarts(Path root) throws Exception {
    this.root = root;
    this.keys =
        new OriginKeys(
            root.resolve("keys"),
            Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC));
    keys.generate("demo");
    this.key = keys.latestSigningKey("demo");
    this.stage2 = root.resolve("results-stage2");
    this.stage3 = root.resolve("results-stage3");
    hart(stage2, GLIBC, List.of(), List.of());
    hart(stage2, BUSYBOX, List.of(GLIBC), List.of(GLIBC));
    hart(stage3, LIBGREET, List.of(GLIBC), List.of(GLIBC));
    hart(stage3, HELLO, List.of(GLIBC, LIBGREET), List.of(LIBGREET, GLIBC));
  }

  /** Writes a real signed artifact of a package with these DEPS and TDEPS into a results folder. */
  Path hart(Path results, String ident, List<String> deps, List<String> tdeps) throws Exception {
    Staging staging =
        Staging.sample(
            root.resolve("staging").resolve(results.getFileName() + "_" + ident.replace('/', '_')),
            ident);
    if (!deps.isEmpty()) {
      staging.file("DEPS", String.join("\n", deps) + "\n");
      staging.file("TDEPS", String.join("\n", tdeps) + "\n");
    }
    FilesMetadata.write(staging.root(), staging.ident(), key);
    return new HartWriter(key, Optional.empty())
        .write(staging.root(), PackageIdent.parse(ident), "x86_64-linux", results);
  }

  /** A request publishing stage3 with stage2 as the dependency folder. */
  PublishRequest stage3Into(Path repository, int keep) throws Exception {
    return new PublishRequest(
        Publisher.artifactsIn(stage3), List.of(stage2), repository, keys, "demo", keep);
  }
}
