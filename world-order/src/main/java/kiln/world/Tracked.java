package kiln.world;

import java.util.Set;

/**
 * The settings that decide a plan's place in the world: its identity and its dependencies. The
 * reader warns when one of them depends on something it cannot evaluate, and stays quiet about
 * everything else (a dynamic pkg_source changes no order).
 */
final class Tracked {

  static final Set<String> SETTINGS =
      Set.of("pkg_name", "pkg_origin", "pkg_deps", "pkg_build_deps", "pkg_scaffolding");

  private Tracked() {}

  /** True when running the node could change a tracked setting (or source a file that could). */
  static boolean touches(Node node) {
    if (node instanceof Node.Block b) {
      return b.nodes().stream().anyMatch(Tracked::touches);
    } else if (node instanceof Node.Assign a) {
      return SETTINGS.contains(a.name());
    } else if (node instanceof Node.Command c) {
      return c.assigns().stream().anyMatch(Tracked::touches) || isSource(c);
    } else if (node instanceof Node.AndOr a) {
      return a.items().stream().anyMatch(Tracked::touches);
    } else if (node instanceof Node.Not n) {
      return touches(n.inner());
    } else if (node instanceof Node.Pipeline p) {
      return p.commands().stream().anyMatch(Tracked::touches);
    } else if (node instanceof Node.If i) {
      return i.bodies().stream().anyMatch(Tracked::touches)
          || (i.otherwise() != null && touches(i.otherwise()));
    } else if (node instanceof Node.For f) {
      return touches(f.body());
    } else if (node instanceof Node.Loop l) {
      return touches(l.body());
    } else if (node instanceof Node.Case c) {
      return c.arms().stream().anyMatch(arm -> touches(arm.body()));
    } else if (node instanceof Node.Group g) {
      return touches(g.body());
    }
    return false;
  }

  static boolean isSource(Node.Command c) {
    return !c.words().isEmpty() && (c.words().get(0).is("source") || c.words().get(0).is("."));
  }
}
