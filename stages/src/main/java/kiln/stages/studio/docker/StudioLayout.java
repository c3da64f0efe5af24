package kiln.stages.studio.docker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * The skeleton every studio image gets (directories, and for a stage1 studio the links into {@code
 * /tools} that Habitat's stage1 studio makes), as a small tar the engine unpacks with {@code ADD}:
 * no shell is needed in the image to make it.
 */
final class StudioLayout {

  /** Bump when the skeleton changes, so images made by an older kiln are rebuilt. */
  static final String VERSION = "3";

  /** Tools Habitat's stage1 studio links from {@code /tools/bin} into {@code /bin}. */
  private static final List<String> BIN_LINKS = List.of("bash", "cat", "echo", "pwd", "stty");

  private StudioLayout() {}

  /**
   * The links of a stage1 studio, path in the image to link target, for a tarball holding {@code
   * entries}: the shell and a few basic tools into /bin ({@code /bin/sh} is bash), env and perl
   * into /usr/bin, the dynamic loader into /lib64 and /lib, the toolchain's shared libraries into
   * /lib (where a loader looks without a cache), and libgcc_s and libstdc++ into /usr/lib as
   * Habitat's studio has them.
   *
   * @throws IllegalArgumentException when the tarball has no {@code tools/bin/bash}
   */
  static Map<String, String> stage1Links(Set<String> entries) {
    if (!entries.contains("tools/bin/bash")) {
      throw new IllegalArgumentException(
          "it has no tools/bin/bash: a studio needs bash to run the plan build program;"
              + " add bash to the tools tarball");
    }
    Map<String, String> links = new LinkedHashMap<>();
    for (String tool : BIN_LINKS) {
      linkIfPresent(entries, links, "bin/" + tool, "tools/bin/" + tool);
    }
    links.put("bin/sh", "/tools/bin/bash");
    linkIfPresent(entries, links, "usr/bin/env", "tools/bin/env");
    linkIfPresent(entries, links, "usr/bin/perl", "tools/bin/perl");
    for (String entry : entries) {
      String name = entry.substring(entry.lastIndexOf('/') + 1);
      if (!entry.equals("tools/lib/" + name) || !name.contains(".so")) {
        continue;
      }
      if (name.startsWith("ld-")) {
        links.putIfAbsent("lib64/" + name, "/" + entry);
        links.putIfAbsent("lib/" + name, "/" + entry);
      } else if (name.startsWith("lib")) {
        links.putIfAbsent("lib/" + name, "/" + entry);
        if (name.startsWith("libgcc_s.") || name.startsWith("libstdc++.")) {
          links.putIfAbsent("usr/lib/" + name, "/" + entry);
        }
      }
    }
    return links;
  }

  private static void linkIfPresent(
      Set<String> entries, Map<String, String> links, String at, String entry) {
    if (entries.contains(entry)) {
      links.put(at, "/" + entry);
    }
  }

  /** The skeleton tar: the studio's directories and {@code links}; no file of any host. */
  static byte[] skeleton(Map<String, String> links) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (String dir : directories(links)) {
        int mode = dir.equals("tmp") ? 01777 : dir.equals("root") ? 0700 : 0755;
        TarArchiveEntry e = new TarArchiveEntry(dir + "/");
        e.setMode(040000 | mode);
        put(tar, e, null);
      }
      for (Map.Entry<String, String> link : links.entrySet()) {
        TarArchiveEntry e = new TarArchiveEntry(link.getKey(), TarConstants.LF_SYMLINK);
        e.setLinkName(link.getValue());
        e.setMode(0120777);
        put(tar, e, null);
      }
    }
    return bytes.toByteArray();
  }

  private static List<String> directories(Map<String, String> links) {
    Set<String> dirs =
        new TreeSet<>(
            List.of(
                "bin",
                "etc",
                "root",
                "tmp",
                "src",
                "usr",
                "usr/bin",
                "usr/lib",
                "hab",
                "hab/pkgs",
                "hab/cache",
                "hab/cache/src"));
    for (String at : links.keySet()) {
      for (int i = at.indexOf('/'); i > 0; i = at.indexOf('/', i + 1)) {
        dirs.add(at.substring(0, i));
      }
    }
    return new ArrayList<>(dirs);
  }

  private static void put(TarArchiveOutputStream tar, TarArchiveEntry e, byte[] content)
      throws IOException {
    e.setUserId(0);
    e.setGroupId(0);
    e.setModTime(0);
    tar.putArchiveEntry(e);
    if (content != null) {
      tar.write(content);
    }
    tar.closeArchiveEntry();
  }
}
