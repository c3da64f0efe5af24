package kiln.toolchain;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** Reads a whole tar.xz and collects every problem instead of stopping at the first. */
final class Verifier {

  private final ArchiveRoot root;

  Verifier(ArchiveRoot root) {
    this.root = root;
  }

  List<TarballProblem> verify(Path tarball) {
    List<TarballProblem> problems = new ArrayList<>();
    EntryRules rules = new EntryRules(root);
    int count = 0;
    try (InputStream in = TarballInput.xz(tarball)) {
      TarArchiveInputStream tar = TarballInput.tar(in);
      for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; count++) {
        for (String problem : rules.check(entry)) {
          problems.add(new TarballProblem(entry.getName(), problem));
        }
      }
      TarballInput.drain(in);
    } catch (IOException e) {
      problems.add(
          new TarballProblem(
              "",
              tarball
                  + ": "
                  + TarballInput.describe(e)
                  + (count > 0 ? " (after " + count + " entries)" : "")));
    }
    if (count == 0 && problems.isEmpty()) {
      problems.add(new TarballProblem("", tarball + ": holds no entries"));
    }
    return problems;
  }
}
