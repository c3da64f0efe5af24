package kiln.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import kiln.stages.artifact.ArtifactException;
import kiln.stages.artifact.OriginKeys;
import kiln.world.IoFailures;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code kiln origin key import [FILE...]}: Habitat key files into the key directory. */
@Command(
    name = "import",
    description = {
      "Import origin signing keys from Habitat key files (SIG-PUB-1 .pub, SIG-SEC-1 .sig.key),"
          + " or from standard input when no FILE is given, as 'hab origin key import' does.",
      "Each key is written under its own name (name-rev.pub, name-rev.sig.key); a secret key"
          + " brings its public half. Prints the key files' paths."
    })
final class OriginKeyImportCommand implements Callable<Integer> {

  @Parameters(paramLabel = "FILE", arity = "0..*", description = "Key files (default: stdin).")
  List<Path> files = new ArrayList<>();

  @Mixin KeysOption keys = new KeysOption();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws ArtifactException {
    OriginKeys into = keys.keys();
    if (files.isEmpty()) {
      importOne(into, read(null), "standard input");
    }
    for (Path file : files) {
      importOne(into, read(file), file.toString());
    }
    return 0;
  }

  private void importOne(OriginKeys into, String text, String from) throws ArtifactException {
    List<Path> written = into.importKey(text, from);
    written.forEach(spec.commandLine().getOut()::println);
    String name = written.get(0).getFileName().toString().replaceFirst("\\.pub$", "");
    spec.commandLine()
        .getErr()
        .println("kiln: imported origin key " + name + " into " + keys.directory());
  }

  private static String read(Path file) throws ArtifactException {
    try {
      byte[] bytes = file == null ? System.in.readAllBytes() : Files.readAllBytes(file);
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      String what = file == null ? "standard input" : file.toString();
      throw new ArtifactException(IoFailures.message("cannot read " + what, e), e);
    }
  }
}
