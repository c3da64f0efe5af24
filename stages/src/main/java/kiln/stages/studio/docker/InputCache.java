package kiln.stages.studio.docker;

import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import kiln.stages.studio.StudioException;
import kiln.stages.studio.TreeTar;
import kiln.world.IoFailures;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The inputs already sent to one engine: installed packages and cached sources, each kept once in a
 * volume of the engine's ({@value #VOLUME}) under its sha256, so a second build that needs it sends
 * nothing. Studios see the volume read-only at {@value #PLACE}; their {@code /hab/pkgs/...} and
 * {@code /hab/cache/src/...} entries are links into it. An entry is complete once its {@code
 * complete} file exists: it is written last, after the content.
 *
 * <p>A volume and not an image layer: a layer per input would need an image build per new input
 * set, and a volume is filled by the archive API alone (through a container made for the upload and
 * never started) and shared by every studio image on the engine.
 */
final class InputCache {

  /** The engine's volume of inputs. */
  static final String VOLUME = "kiln-inputs";

  /** Where studios see it. */
  static final String PLACE = "/hab/kiln-inputs";

  private static final String LOADER_PLACE = "/cache";
  private static final Map<DockerEndpoint, InputCache> CACHES = new ConcurrentHashMap<>();

  private final Engine engine;
  private final Set<String> present = ConcurrentHashMap.newKeySet();
  private final AtomicInteger uploads = new AtomicInteger();

  private InputCache(Engine engine) {
    this.engine = engine;
  }

  /** The cache of one engine, shared by every studio of this JVM on it. */
  static InputCache on(Engine engine) {
    return CACHES.computeIfAbsent(engine.endpoint(), e -> new InputCache(engine));
  }

  /** Where an input is seen in a studio: its tree, or its file. */
  static String placeOf(String sha, boolean tree) {
    return PLACE + "/" + sha + (tree ? "/tree" : "/file");
  }

  /** How many inputs this JVM has sent to the engine. */
  int uploads() {
    return uploads.get();
  }

  /** The volume, as a studio mounts it: read-only. */
  static Bind studioBind() {
    return new Bind(VOLUME, new Volume(PLACE), AccessMode.ro);
  }

  /**
   * Sends the inputs the engine does not have yet.
   *
   * @param inputs sha256 to the file or directory on this host
   * @param image an image on the engine to make the upload container from
   * @param labels the labels of the upload container (its owner's, so a crash leaves nothing)
   */
  synchronized void send(Map<String, Path> inputs, String image, Map<String, String> labels)
      throws StudioException, InterruptedException {
    List<String> unknown = inputs.keySet().stream().filter(s -> !present.contains(s)).toList();
    if (unknown.isEmpty()) {
      return;
    }
    LiveContainers live = LiveContainers.on(engine);
    String loader =
        live.create(
            engine
                .client()
                .createContainerCmd(image)
                .withName("kiln-upload-" + UUID.randomUUID().toString().substring(0, 12))
                .withCmd(List.of("/kiln-upload-only"))
                .withLabels(labels)
                .withHostConfig(
                    HostConfig.newHostConfig()
                        .withNetworkMode("none")
                        .withBinds(new Bind(VOLUME, new Volume(LOADER_PLACE), AccessMode.rw))));
    try {
      for (String sha : unknown) {
        if (!has(loader, sha)) {
          upload(loader, sha, inputs.get(sha));
          uploads.incrementAndGet();
        }
        present.add(sha);
      }
    } catch (IOException | RuntimeException e) {
      throw new StudioException(
          IoFailures.message("cannot send the studio's inputs to " + engine.endpoint(), e), e);
    } finally {
      live.remove(loader);
    }
  }

  private boolean has(String loader, String sha) throws IOException {
    try (InputStream in =
        engine
            .client()
            .copyArchiveFromContainerCmd(loader, LOADER_PLACE + "/" + sha + "/complete")
            .exec()) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  private void upload(String loader, String sha, Path source)
      throws IOException, InterruptedException {
    boolean tree = Files.isDirectory(source);
    if (tree) {
      put(loader, LOADER_PLACE, tar(sha + "/", sha + "/tree/"));
      try (TarPipe pipe = TarPipe.of(out -> TreeTar.pack(source, out), "kiln-upload-" + sha)) {
        engine
            .client()
            .copyArchiveToContainerCmd(loader)
            .withRemotePath(LOADER_PLACE + "/" + sha + "/tree")
            .withTarInputStream(pipe.stream())
            .exec();
        pipe.check();
      }
    } else {
      try (TarPipe pipe =
          TarPipe.of(
              out -> {
                TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
                tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
                directory(tar, sha + "/");
                TarArchiveEntry file = new TarArchiveEntry(sha + "/file");
                file.setSize(Files.size(source));
                file.setMode(0100644);
                tar.putArchiveEntry(file);
                Files.copy(source, tar);
                tar.closeArchiveEntry();
                tar.finish();
              },
              "kiln-upload-" + sha)) {
        engine
            .client()
            .copyArchiveToContainerCmd(loader)
            .withRemotePath(LOADER_PLACE)
            .withTarInputStream(pipe.stream())
            .exec();
        pipe.check();
      }
    }
    put(loader, LOADER_PLACE, tar(sha + "/complete"));
  }

  private void put(String container, String path, byte[] tar) {
    engine
        .client()
        .copyArchiveToContainerCmd(container)
        .withRemotePath(path)
        .withTarInputStream(new java.io.ByteArrayInputStream(tar))
        .exec();
  }

  /** A small tar of directories (names ending in /) and empty files. */
  private static byte[] tar(String... names) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      for (String name : names) {
        if (name.endsWith("/")) {
          directory(tar, name);
        } else {
          TarArchiveEntry file = new TarArchiveEntry(name);
          file.setMode(0100644);
          tar.putArchiveEntry(file);
          tar.write(name.getBytes(StandardCharsets.UTF_8), 0, 0);
          tar.closeArchiveEntry();
        }
      }
    }
    return bytes.toByteArray();
  }

  static void directory(TarArchiveOutputStream tar, String name) throws IOException {
    TarArchiveEntry dir = new TarArchiveEntry(name);
    dir.setMode(040755);
    tar.putArchiveEntry(dir);
    tar.closeArchiveEntry();
  }
}
