package kiln.world;

/** Which plan setting declared a dependency. */
public enum DepKind {
  /** {@code pkg_build_deps}: needed to build only. */
  BUILD("pkg_build_deps"),
  /** {@code pkg_deps}: needed at run time (and so to build). */
  RUN("pkg_deps"),
  /** {@code pkg_scaffolding}: a plan that supplies the build callbacks. */
  SCAFFOLDING("pkg_scaffolding");

  private final String setting;

  DepKind(String setting) {
    this.setting = setting;
  }

  /** The plan variable that declares this kind of dependency. */
  public String setting() {
    return setting;
  }
}
