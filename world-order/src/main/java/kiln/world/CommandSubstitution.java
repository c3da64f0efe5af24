package kiln.world;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command substitutions plans use to find files beside themselves, evaluated without running
 * anything: {@code $(dirname X)}, {@code $(basename X)}, {@code $(pwd)}, {@code $(echo ...)} and
 * {@code $(cd X && pwd)}, where X expands exactly. The plan's directory is the working directory,
 * as when core-plans' print-deps sources a plan.
 */
final class CommandSubstitution {

  private CommandSubstitution() {}

  /** The value, or null when the command is not one of those (or its words are not exact). */
  static Field evaluate(String command, Scope scope, Expander expander, int line) {
    Node.Block block;
    try {
      block = new ShellParser(command).parse();
    } catch (ShellSyntaxException e) {
      return null;
    }
    if (block.nodes().size() != 1) {
      return null;
    }
    Node node = block.nodes().get(0);
    String value = null;
    if (node instanceof Node.Command c && c.assigns().isEmpty()) {
      value = simple(words(c, expander), scope);
    } else if (node instanceof Node.AndOr a && a.ops().equals(List.of("&&"))) {
      value = cdThenPwd(a, scope, expander);
    }
    return value == null ? null : new Field(value, scope.location(line), null);
  }

  private static String simple(List<String> words, Scope scope) {
    if (words == null || words.isEmpty()) {
      return null;
    }
    String name = words.get(0);
    if (name.equals("dirname") && words.size() == 2) {
      return dirname(words.get(1));
    }
    if (name.equals("basename") && (words.size() == 2 || words.size() == 3)) {
      String base = basename(words.get(1));
      return words.size() == 3 && base.endsWith(words.get(2)) && !base.equals(words.get(2))
          ? base.substring(0, base.length() - words.get(2).length())
          : base;
    }
    if (name.equals("pwd") && words.size() == 1) {
      return scope.planDir.toString();
    }
    if (name.equals("echo") && (words.size() == 1 || !words.get(1).startsWith("-"))) {
      return String.join(" ", words.subList(1, words.size()));
    }
    return null;
  }

  private static String cdThenPwd(Node.AndOr a, Scope scope, Expander expander) {
    if (!(a.items().get(0) instanceof Node.Command cd)
        || !(a.items().get(1) instanceof Node.Command pwd)) {
      return null;
    }
    List<String> cdWords = words(cd, expander);
    List<String> pwdWords = words(pwd, expander);
    if (cdWords == null
        || pwdWords == null
        || cdWords.size() != 2
        || !cdWords.get(0).equals("cd")
        || pwdWords.isEmpty()
        || !pwdWords.get(0).equals("pwd")) {
      return null;
    }
    return scope.planDir.resolve(cdWords.get(1)).normalize().toString();
  }

  private static List<String> words(Node.Command c, Expander expander) {
    List<String> out = new ArrayList<>();
    for (Word w : c.words()) {
      for (Field f : expander.fields(w)) {
        if (!f.exact()) {
          return null;
        }
        out.add(f.text());
      }
    }
    return out;
  }

  static String dirname(String path) {
    String p = stripTrailingSlashes(path);
    int slash = p.lastIndexOf('/');
    if (slash < 0) {
      return ".";
    }
    String dir = stripTrailingSlashes(p.substring(0, slash));
    return dir.isEmpty() ? "/" : dir;
  }

  static String basename(String path) {
    String p = stripTrailingSlashes(path);
    return p.isEmpty()
        ? "/"
        : Path.of(p).getFileName() == null ? p : p.substring(p.lastIndexOf('/') + 1);
  }

  private static String stripTrailingSlashes(String p) {
    int end = p.length();
    while (end > 1 && p.charAt(end - 1) == '/') {
      end--;
    }
    return p.substring(0, end);
  }
}
