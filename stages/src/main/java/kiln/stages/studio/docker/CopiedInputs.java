package kiln.stages.studio.docker;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import kiln.stages.studio.OutputReceiver;
import kiln.stages.studio.StudioException;
import kiln.stages.studio.StudioInput;
import kiln.stages.studio.StudioSpec;
import kiln.stages.studio.TreeTar;
import kiln.world.IoFailures;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * How a studio on an engine that does not share this host's disk gets a spec's inputs, and gives
 * back its output: through the engine's archive API only. Installed packages (dependencies and
 * backline) and cached sources go to the engine's {@link InputCache} once, keyed by sha256, and
 * appear at their places as links into it; the plan, the program and the empty output directory are
 * copied into each container before it starts; the output directory comes back as a tar stream
 * after the command succeeded.
 */
final class CopiedInputs {

  private final StudioSpec spec;

  /** sha256 to the host path of each cached input. */
  private final Map<String, Path> cached = new LinkedHashMap<>();

  /** Studio path to the cache place it links to. */
  private final Map<String, String> links = new LinkedHashMap<>();

  private CopiedInputs(StudioSpec spec) {
    this.spec = spec;
  }

  /**
   * The copies of a spec's inputs and a default studio's backline.
   *
   * @throws StudioException when an input is a host path (only a studio sharing the host's disk can
   *     show one) or cannot be read
   */
  static CopiedInputs of(StudioSpec spec, Backline backline) throws StudioException {
    CopiedInputs copies = new CopiedInputs(spec);
    try {
      for (StudioInput input : spec.inputs()) {
        if (input instanceof StudioInput.InstalledPackage pkg) {
          copies.cache(pkg.target(), pkg.dir(), true);
        } else if (input instanceof StudioInput.SourceFile source) {
          copies.cache(source.target(), source.file(), false);
        } else if (input instanceof StudioInput.HostPath host) {
          throw new StudioException(
              "cannot show "
                  + host.source()
                  + " at "
                  + host.target()
                  + ": this studio's engine does not share this host's disk; only the plan, the"
                  + " program, packages and sources are copied to it");
        }
      }
      for (Map.Entry<String, Path> pkg : backline.mounts().entrySet()) {
        if (!copies.links.containsKey(pkg.getKey())) {
          copies.cache(pkg.getKey(), pkg.getValue(), true);
        }
      }
      backline.bin().forEach((name, target) -> copies.links.put("/bin/" + name, target));
    } catch (IOException e) {
      throw new StudioException(IoFailures.message("cannot read the studio's inputs", e), e);
    }
    return copies;
  }

  private void cache(String place, Path source, boolean tree) throws IOException {
    String sha = InputDigests.of(source);
    cached.put(sha, source);
    links.put(place, InputCache.placeOf(sha, tree));
  }

  /** sha256 to host path of the inputs the engine's cache must hold. */
  Map<String, Path> cached() {
    return Map.copyOf(cached);
  }

  /** Copies the plan, the program, the links and the output directory into a created container. */
  void copyInto(Engine engine, String id) throws StudioException, InterruptedException {
    try {
      send(engine, id, "/", this::writeSkeleton);
      for (StudioInput input : spec.inputs()) {
        if (input instanceof StudioInput.Plan plan) {
          send(engine, id, plan.target(), out -> TreeTar.pack(plan.dir(), out));
        }
      }
    } catch (IOException | RuntimeException e) {
      throw new StudioException(
          IoFailures.message("cannot copy the studio's inputs to " + engine.endpoint(), e), e);
    }
  }

  private static void send(Engine engine, String id, String path, TarPipe.Writer writer)
      throws IOException, InterruptedException {
    try (TarPipe pipe = TarPipe.of(writer, "kiln-copy-in")) {
      engine
          .client()
          .copyArchiveToContainerCmd(id)
          .withRemotePath(path)
          .withTarInputStream(pipe.stream())
          .exec();
      pipe.check();
    }
  }

  /** The program's files, the links into the cache, and the empty output directory. */
  private void writeSkeleton(OutputStream out) throws IOException {
    TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    TreeSet<String> dirs = new TreeSet<>();
    links.keySet().forEach(place -> parents(place, dirs));
    spec.output().ifPresent(o -> parents(o + "/x", dirs));
    Optional<StudioInput.Program> program =
        spec.inputs().stream()
            .filter(StudioInput.Program.class::isInstance)
            .map(StudioInput.Program.class::cast)
            .findFirst();
    program.ifPresent(p -> parents(p.target() + "/x", dirs));
    for (String dir : dirs) {
      InputCache.directory(tar, dir.substring(1) + "/");
    }
    if (program.isPresent()) {
      for (Map.Entry<String, byte[]> file :
          new java.util.TreeMap<>(program.get().files()).entrySet()) {
        TarArchiveEntry entry =
            new TarArchiveEntry(program.get().target().substring(1) + "/" + file.getKey());
        entry.setMode(0100755);
        entry.setSize(file.getValue().length);
        tar.putArchiveEntry(entry);
        tar.write(file.getValue());
        tar.closeArchiveEntry();
      }
    }
    for (Map.Entry<String, String> link : links.entrySet()) {
      TarArchiveEntry entry =
          new TarArchiveEntry(link.getKey().substring(1), TarConstants.LF_SYMLINK);
      entry.setLinkName(link.getValue());
      tar.putArchiveEntry(entry);
      tar.closeArchiveEntry();
    }
    tar.finish();
  }

  /** Adds every parent directory of {@code path} (not {@code /} itself). */
  private static void parents(String path, TreeSet<String> dirs) {
    for (int slash = path.indexOf('/', 1); slash > 0; slash = path.indexOf('/', slash + 1)) {
      dirs.add(path.substring(0, slash));
    }
  }

  /**
   * Hands the output directory to {@code receiver} as a tar stream of names relative to it: the
   * engine's archive names its entries from the directory's own name, which is dropped here.
   */
  void deliver(Engine engine, String id, OutputReceiver receiver)
      throws StudioException, InterruptedException {
    if (spec.output().isEmpty()) {
      return;
    }
    String output = spec.output().get();
    try (InputStream archive = engine.client().copyArchiveFromContainerCmd(id, output).exec();
        TarPipe pipe = TarPipe.of(out -> relativize(archive, out), "kiln-copy-out")) {
      receiver.receive(pipe.stream());
      pipe.check();
    } catch (IOException | RuntimeException e) {
      throw new StudioException(
          IoFailures.message("cannot take the studio's output from " + engine.endpoint(), e), e);
    }
  }

  private static void relativize(InputStream archive, OutputStream out) throws IOException {
    TarArchiveInputStream in = new TarArchiveInputStream(archive);
    TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    String base = null;
    for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
      String name = entry.getName();
      if (base == null) {
        base = name.endsWith("/") ? name : name + "/";
        continue; // the output directory itself
      }
      if (!name.startsWith(base)) {
        throw new IOException("the engine's archive has an entry outside the output: " + name);
      }
      entry.setName(name.substring(base.length()));
      if (entry.isLink() && entry.getLinkName().startsWith(base)) {
        entry.setLinkName(entry.getLinkName().substring(base.length()));
      }
      tar.putArchiveEntry(entry);
      if (entry.isFile()) {
        in.transferTo(tar);
      }
      tar.closeArchiveEntry();
    }
    tar.finish();
  }
}
