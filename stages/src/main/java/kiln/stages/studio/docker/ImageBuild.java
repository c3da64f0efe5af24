package kiln.stages.studio.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
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
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * One image build on one engine, its context given file by file and streamed as a tar (a tools
 * tarball is not read into memory). The engine never pulls: the Dockerfiles start {@code FROM
 * scratch} and the request says so.
 */
final class ImageBuild {

  private record ContextFile(String name, Optional<byte[]> bytes, Optional<Path> file) {}

  private final DockerClient client;
  private final List<ContextFile> files = new ArrayList<>();

  ImageBuild(DockerClient client) {
    this.client = client;
  }

  ImageBuild file(String name, byte[] content) {
    files.add(new ContextFile(name, Optional.of(content), Optional.empty()));
    return this;
  }

  /** Adds a host file to the context when there is one. */
  ImageBuild file(String name, Optional<Path> file) {
    file.ifPresent(f -> files.add(new ContextFile(name, Optional.empty(), Optional.of(f))));
    return this;
  }

  /** Builds and tags the image, labelled; returns its id. */
  String build(String tag, Map<String, String> labels) throws IOException {
    PipedInputStream context = new PipedInputStream(1 << 16);
    OutputStream pipe = new PipedOutputStream(context);
    IOException[] writing = new IOException[1];
    Thread writer =
        new Thread(
            () -> {
              try (pipe) {
                writeContext(pipe);
              } catch (IOException e) {
                writing[0] = e;
              }
            },
            "studio-image-context");
    writer.start();
    try (InputStream in = context) {
      String id =
          client
              .buildImageCmd(in)
              .withTags(Set.of(tag))
              .withLabels(labels)
              .withPull(false)
              .withRemove(true)
              .exec(new BuildImageResultCallback())
              .awaitImageId();
      if (writing[0] != null) {
        throw writing[0];
      }
      return id;
    } finally {
      try {
        writer.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void writeContext(OutputStream out) throws IOException {
    TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    for (ContextFile f : files) {
      TarArchiveEntry entry = new TarArchiveEntry(f.name());
      entry.setMode(0100644);
      entry.setSize(f.bytes().isPresent() ? f.bytes().get().length : Files.size(f.file().get()));
      tar.putArchiveEntry(entry);
      if (f.bytes().isPresent()) {
        tar.write(f.bytes().get());
      } else {
        Files.copy(f.file().get(), tar);
      }
      tar.closeArchiveEntry();
    }
    tar.finish();
  }
}
