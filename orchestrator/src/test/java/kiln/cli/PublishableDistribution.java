package kiln.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import kiln.stages.artifact.FilesMetadata;
import kiln.stages.artifact.HartWriter;
import kiln.stages.artifact.OriginKeys;
import kiln.stages.artifact.Packages;
import kiln.stages.artifact.SecretSigningKey;
import kiln.world.PackageIdent;

/**
 * A distribution folder as a finished bootstrap leaves it, for the publish commands: kiln.yaml, the
 * origin key, and real signed artifacts in results-stage2 (glibc) and results-stage3 (libgreet and
 * hello on top of it, plus whatever a test adds).
 */
final class PublishableDistribution {

  static final String GLIBC = "demo/glibc/2.36/20261201000000";
  static final String LIBGREET = "demo/libgreet/0.3.0/20261202000000";
  static final String HELLO = "demo/hello/1.4.2/20261202000100";

  final Path dir;
  final Path config;
  final Path keys;
  private final SecretSigningKey key;
  private final Random random = new Random(16);

  PublishableDistribution(Path dir, String extraYaml) throws Exception {
    this.dir = dir;
    Files.createDirectories(dir.resolve("plans"));
    Files.writeString(dir.resolve("base-plans.txt"), "");
    Files.writeString(dir.resolve("tools.tar.xz"), "");
    this.config =
        Files.writeString(
            dir.resolve("kiln.yaml"),
            "origin: demo\nplans: [plans]\nbase-plans: base-plans.txt\n"
                + "tools-tarball: tools.tar.xz\nkeys: keys\n"
                + extraYaml);
    this.keys = dir.resolve("keys");
    OriginKeys origin = OriginKeys.in(keys);
    origin.generate("demo");
    this.key = origin.latestSigningKey("demo");
    hart("results-stage2", GLIBC, List.of(), 0);
    hart("results-stage3", LIBGREET, List.of(GLIBC), 0);
    hart("results-stage3", HELLO, List.of(LIBGREET, GLIBC), 0);
  }

  /** Runs {@code kiln publish} of stage3 into {@code repo}, which must succeed. */
  Path publish(Path repo) {
    CliRun run = CliRun.of("publish", "--config", config.toString(), "--repo", repo.toString());
    if (run.exit() != 0) {
      throw new AssertionError("kiln publish failed: " + run.err());
    }
    return repo;
  }

  /**
   * Writes a real signed artifact.
   *
   * @param tdeps its TDEPS; the first is also its DEPS
   * @param noise bytes of incompressible data in it, to make it weigh
   */
  Path hart(String results, String ident, List<String> tdeps, int noise) throws Exception {
    PackageIdent id = PackageIdent.parse(ident);
    Path stage = dir.resolve("staging").resolve(ident.replace('/', '_'));
    Path prefix = Packages.prefix(stage, id);
    Files.createDirectories(prefix.resolve("bin"));
    Files.writeString(prefix.resolve("IDENT"), ident + "\n");
    Files.writeString(prefix.resolve("TARGET"), "x86_64-linux\n");
    if (!tdeps.isEmpty()) {
      Files.writeString(prefix.resolve("DEPS"), tdeps.get(0) + "\n");
      Files.writeString(prefix.resolve("TDEPS"), String.join("\n", tdeps) + "\n");
    }
    Files.writeString(prefix.resolve("bin/" + id.name()), "#!/bin/sh\necho " + id.name() + "\n");
    byte[] bytes = new byte[noise];
    random.nextBytes(bytes);
    Files.write(prefix.resolve("noise"), bytes);
    FilesMetadata.write(stage, id, key);
    return new HartWriter(key, Optional.empty())
        .write(stage, id, "x86_64-linux", dir.resolve(results));
  }
}
