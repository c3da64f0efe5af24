package kiln.stages.studio;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a studio that shares the host's disk shows a spec's inputs and gets its output: every input
 * as a bind mount (free, whatever its size), the program's files written into a directory of the
 * run's own, and the output directory a fresh empty directory there, packed into a tar stream for
 * the caller when the command has succeeded. The run's directory goes when this is closed.
 */
public final class BindMounts implements AutoCloseable {

  /**
   * One bind mount.
   *
   * @param source the host path
   * @param target where it appears in the studio
   * @param readOnly whether the command may change it
   */
  public record Bind(Path source, String target, boolean readOnly) {}

  private final Path dir;
  private final List<Bind> binds = new ArrayList<>();
  private Optional<Path> out = Optional.empty();

  private BindMounts(Path dir) {
    this.dir = dir;
  }

  /**
   * The bind mounts of a spec.
   *
   * @param dir an empty directory for this run alone (the program's files and the output go there);
   *     deleted by {@link #close}
   * @throws StudioException when an input's host path does not exist (Docker would quietly create a
   *     missing source directory as root) or the run's directory cannot be written
   */
  public static BindMounts of(StudioSpec spec, Path dir) throws StudioException {
    BindMounts mounts = new BindMounts(dir);
    try {
      mounts.add(spec);
      return mounts;
    } catch (IOException e) {
      mounts.close();
      throw new StudioException("cannot prepare the studio in " + dir + ": " + e.getMessage(), e);
    } catch (StudioException | RuntimeException e) {
      mounts.close();
      throw e;
    }
  }

  private void add(StudioSpec spec) throws IOException, StudioException {
    Optional<Path> programDir = Optional.empty();
    for (StudioInput input : spec.inputs()) {
      if (input instanceof StudioInput.Program program) {
        Path files = Files.createDirectory(dir.resolve("program"));
        for (Map.Entry<String, byte[]> file : program.files().entrySet()) {
          Files.write(files.resolve(file.getKey()), file.getValue());
        }
        binds.add(new Bind(files, program.target(), true));
        programDir = Optional.of(files);
      } else {
        existing(hostPathOf(input), input.target(), readOnly(input));
      }
    }
    if (spec.output().isPresent()) {
      String target = spec.output().get();
      Path made = Files.createDirectory(dir.resolve("out"));
      // Inside the read-only program directory the mount point must exist beforehand.
      if (programDir.isPresent() && target.startsWith(StudioInput.Program.PLACE + "/")) {
        Files.createDirectories(
            programDir.get().resolve(target.substring(StudioInput.Program.PLACE.length() + 1)));
      }
      binds.add(new Bind(made, target, false));
      out = Optional.of(made);
    }
  }

  private static Path hostPathOf(StudioInput input) {
    if (input instanceof StudioInput.Plan plan) {
      return plan.dir();
    } else if (input instanceof StudioInput.InstalledPackage pkg) {
      return pkg.dir();
    } else if (input instanceof StudioInput.SourceFile source) {
      return source.file();
    } else if (input instanceof StudioInput.HostPath host) {
      return host.source();
    }
    throw new IllegalArgumentException("not a host input: " + input);
  }

  private static boolean readOnly(StudioInput input) {
    return !(input instanceof StudioInput.HostPath host) || host.readOnly();
  }

  private void existing(Path source, String target, boolean readOnly) throws StudioException {
    if (!Files.exists(source)) {
      throw new StudioException("cannot mount " + source + " at " + target + ": it does not exist");
    }
    binds.add(new Bind(source.toAbsolutePath(), target, readOnly));
  }

  /** The mounts, parents before what lies in them. */
  public List<Bind> binds() {
    return List.copyOf(binds);
  }

  /**
   * Hands the output directory to {@code receiver} as a tar stream; nothing when the spec names no
   * output. The tree is packed on a thread of its own while the receiver reads.
   */
  public void deliver(OutputReceiver receiver) throws StudioException, InterruptedException {
    if (out.isEmpty()) {
      return;
    }
    IOException[] packing = new IOException[1];
    PipedInputStream in = new PipedInputStream(1 << 16);
    OutputStream pipe;
    try {
      pipe = new PipedOutputStream(in);
    } catch (IOException e) {
      throw new StudioException("cannot hand over the studio's output: " + e.getMessage(), e);
    }
    Thread packer =
        new Thread(
            () -> {
              try (pipe) {
                TreeTar.pack(out.get(), pipe);
              } catch (IOException e) {
                packing[0] = e;
              }
            },
            "studio-output");
    packer.start();
    try {
      receiver.receive(in);
      drain(in);
    } catch (IOException e) {
      throw new StudioException("cannot take the studio's output: " + e.getMessage(), e);
    } finally {
      // Closed before the wait: a receiver that gave up must not leave the packer blocked.
      closeQuietly(in);
      packer.join();
    }
    if (packing[0] != null) {
      throw new StudioException(
          "cannot pack the studio's output " + out.get() + ": " + packing[0].getMessage(),
          packing[0]);
    }
  }

  private static void drain(InputStream in) throws IOException {
    in.transferTo(OutputStream.nullOutputStream());
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException e) {
      // A pipe's read end: nothing to lose.
    }
  }

  @Override
  public void close() {
    Trees.deleteQuietly(dir);
  }
}
