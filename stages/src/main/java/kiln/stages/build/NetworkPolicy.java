package kiln.stages.build;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * When a build pass may reach the network, as {@code --network} says. Sources kiln fetches itself
 * go through the source cache before the studio starts, so a studio needs the network only when the
 * plan downloads by itself: it overrides do_download and its pkg_source is a remote URL. The demo
 * plans override do_download with {@code pkg_source=nothing-to-download}: nothing to fetch, no
 * network.
 */
public enum NetworkPolicy {
  /** Never: a plan that downloads by itself fails offline instead. */
  NEVER,
  /** Only for a plan that overrides do_download and names a remote pkg_source (the default). */
  DOWNLOAD;

  /** {@code scheme://...} with a scheme other than file: something on another machine. */
  private static final Pattern REMOTE = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*)://.+");

  /** Parses {@code never} or {@code download}, any case. */
  public static NetworkPolicy parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--network " + text + ": expected never or download", e);
    }
  }

  /** Whether a build pass with these facts gets the network. */
  boolean grants(boolean ownDownload, String source) {
    return this == DOWNLOAD && ownDownload && isRemote(source);
  }

  /** Whether pkg_source names something on another machine (http, https, ftp, git, ... URLs). */
  static boolean isRemote(String source) {
    var matcher = REMOTE.matcher(source == null ? "" : source.trim());
    return matcher.matches() && !matcher.group(1).equalsIgnoreCase("file");
  }
}
