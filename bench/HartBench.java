import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import kiln.stages.artifact.FilesMetadata;
import kiln.stages.artifact.Hart;
import kiln.stages.artifact.HartWriter;
import kiln.stages.artifact.OriginKeys;
import kiln.stages.artifact.SecretSigningKey;
import kiln.stages.store.PackageStore;
import kiln.world.PackageIdent;

/**
 * Times kiln's artifact operations on a staged package made by bench/hart.sh: FILES, writing the
 * .hart, verifying it, installing it into a fresh store. Prints the median of RUNS runs in ms.
 * Usage: java -cp orchestrator/target/kiln.jar bench/HartBench.java STAGE KEYS OUT RUNS
 */
public class HartBench {
  public static void main(String[] args) throws Exception {
    Path stage = Path.of(args[0]);
    OriginKeys keys = OriginKeys.in(Path.of(args[1]));
    Path out = Path.of(args[2]);
    int runs = Integer.parseInt(args[3]);
    PackageIdent ident = PackageIdent.parse("bench/payload/1.0.0/20261121120000");
    SecretSigningKey key = keys.latestSigningKey("bench");
    HartWriter writer = new HartWriter(key, Optional.empty());
    long[] files = new long[runs], write = new long[runs], verify = new long[runs], install = new long[runs];
    Path hart = null;
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      FilesMetadata.write(stage, ident, key);
      long t1 = System.nanoTime();
      hart = writer.write(stage, ident, "x86_64-linux", out);
      long t2 = System.nanoTime();
      Hart.open(hart).verify(keys);
      long t3 = System.nanoTime();
      new PackageStore(Files.createTempDirectory(out, "store")).install(hart, keys);
      long t4 = System.nanoTime();
      files[i] = t1 - t0; write[i] = t2 - t1; verify[i] = t3 - t2; install[i] = t4 - t3;
    }
    System.out.printf("artifact %s: %d bytes%n", hart.getFileName(), Files.size(hart));
    System.out.printf("FILES %d ms, write %d ms, verify %d ms, install %d ms (median of %d)%n",
        median(files), median(write), median(verify), median(install), runs);
  }

  static long median(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2] / 1_000_000;
  }
}
