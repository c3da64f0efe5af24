import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import kiln.orchestrator.ArtifactHashes;
import kiln.resume.Artifact;

/**
 * Times the check of built artifacts on resume (docs/performance.md, "Artifacts checked by
 * content"): the old rule (size and modification time), the content check with no cache (the
 * first check of artifacts nobody hashed: every file read) and with the cache (every later one).
 * Prints the median of RUNS runs in ms. Usage: java -cp orchestrator/target/kiln.jar
 * bench/ArtifactHashesBench.java RUNS FILE...
 */
public class ArtifactHashesBench {
  public static void main(String[] args) throws Exception {
    int runs = Integer.parseInt(args[0]);
    List<Artifact> built = new ArrayList<>();
    long bytes = 0;
    for (String file : Arrays.asList(args).subList(1, args.length)) {
      built.add(Artifact.of(Path.of(file)));
      bytes += Files.size(Path.of(file));
    }
    long[] old = new long[runs], cold = new long[runs], cached = new long[runs];
    for (int i = 0; i < runs; i++) {
      Path work = Files.createTempDirectory("kiln-artifact-hashes-bench");
      long t0 = System.nanoTime();
      for (Artifact a : built) {
        if (!a.stillMatches()) throw new IllegalStateException(a.path() + " changed");
      }
      long t1 = System.nanoTime();
      ArtifactHashes first = ArtifactHashes.in(work);
      for (Artifact a : built) {
        if (first.problem(a).isPresent()) throw new IllegalStateException(a.path() + " changed");
      }
      first.save();
      long t2 = System.nanoTime();
      ArtifactHashes later = ArtifactHashes.in(work); // a new run: the cache is read from disk
      for (Artifact a : built) {
        if (later.problem(a).isPresent()) throw new IllegalStateException(a.path() + " changed");
      }
      later.save();
      long t3 = System.nanoTime();
      old[i] = t1 - t0;
      cold[i] = t2 - t1;
      cached[i] = t3 - t2;
    }
    System.out.printf("%d artifacts, %.1f MB%n", built.size(), bytes / 1e6);
    System.out.printf("size and mtime (the old rule):   median %.2f ms%n", median(old));
    System.out.printf("content, no cache (first check): median %.2f ms%n", median(cold));
    System.out.printf("content, cached (later checks):  median %.2f ms%n", median(cached));
  }

  private static double median(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2] / 1e6;
  }
}
