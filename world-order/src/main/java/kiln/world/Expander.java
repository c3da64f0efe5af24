package kiln.world;

import java.util.ArrayList;
import java.util.List;

/**
 * Expands words as bash would for the subset plans use: parameters (through {@link
 * ParamExpansion}), the command substitutions {@link CommandSubstitution} knows, field splitting of
 * unquoted expansions and {@code "${array[@]}"}. Anything else becomes a placeholder field that
 * carries why it is not exact.
 */
final class Expander {

  private final Scope scope;
  private final ParamExpansion params;

  Expander(Scope scope) {
    this.scope = scope;
    this.params = new ParamExpansion(scope, this);
  }

  /** Expands a word to one value, as the right side of {@code name=value} is expanded. */
  Field scalar(Word word) {
    StringBuilder text = new StringBuilder();
    String problem = null;
    Field whole = null;
    int pieces = 0;
    for (Word.Part part : word.parts()) {
      if (part instanceof Word.Lit lit) {
        text.append(lit.text());
        pieces++;
        continue;
      }
      Values values = expand(part, word.line());
      for (int i = 0; i < values.fields().size(); i++) {
        Field f = values.fields().get(i);
        text.append(i > 0 ? " " : "").append(f.text());
        problem = problem == null ? f.problem() : problem;
        whole = f;
        pieces++;
      }
    }
    SourceLocation at = pieces == 1 && whole != null ? whole.at() : scope.location(word.line());
    return new Field(text.toString(), at, problem);
  }

  /** Expands a word to fields, as an array element or a command argument is expanded. */
  List<Field> fields(Word word) {
    FieldSplitter out = new FieldSplitter(scope.location(word.line()));
    for (Word.Part part : word.parts()) {
      if (part instanceof Word.Lit lit) {
        out.literal(lit.text());
      } else {
        Values values = expand(part, word.line());
        if (part.quoted()) {
          out.quoted(values);
        } else {
          out.unquoted(values);
        }
      }
    }
    return out.finish();
  }

  /** A Java regex matching what a bash pattern word matches; quoted parts match literally. */
  String pattern(Word word) {
    StringBuilder regex = new StringBuilder();
    for (Word.Part part : word.parts()) {
      String text =
          part instanceof Word.Lit lit ? lit.text() : scalar(new Word(List.of(part), 0, "")).text();
      regex.append(part.quoted() ? quote(text) : Glob.toRegex(text));
    }
    return regex.toString();
  }

  /** A Java regex for the right side of {@code =~}: quoted parts match literally. */
  String regex(Word word) {
    StringBuilder regex = new StringBuilder();
    for (Word.Part part : word.parts()) {
      String text =
          part instanceof Word.Lit lit ? lit.text() : scalar(new Word(List.of(part), 0, "")).text();
      regex.append(part.quoted() ? quote(text) : text);
    }
    return regex.toString();
  }

  Values expand(Word.Part part, int line) {
    if (part instanceof Word.Param p) {
      return params.expand(p.expr(), line);
    }
    if (part instanceof Word.CmdSub c) {
      Field value = CommandSubstitution.evaluate(c.command(), scope, this, line);
      if (value != null) {
        return Values.one(value);
      }
      return unknown(
          "$(" + c.command().strip() + ")", "command substitution is not evaluated", line);
    }
    if (part instanceof Word.ProcSub p) {
      return unknown(p.text(), "process substitution is not evaluated", line);
    }
    Word.Arith a = (Word.Arith) part;
    return unknown("$((" + a.expression() + "))", "arithmetic is not evaluated", line);
  }

  Values unknown(String text, String why, int line) {
    String problem = "'" + oneLine(text) + "': " + why;
    scope.problem(problem);
    return Values.one(new Field(text, scope.location(line), problem));
  }

  static String oneLine(String text) {
    String flat = text.replaceAll("\\s+", " ");
    return flat.length() > 60 ? flat.substring(0, 57) + "..." : flat;
  }

  private static String quote(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ("\\^$.|?*+()[]{}".indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  /**
   * The result of one expansion: its fields, and whether they stay separate words when quoted
   * ({@code "${a[@]}"}) or are joined by a space ({@code "${a[*]}"}, {@code "$a"}).
   */
  record Values(List<Field> fields, boolean separate) {
    static Values one(Field f) {
      return new Values(List.of(f), false);
    }

    static Values none() {
      return new Values(List.of(), false);
    }
  }

  /** Builds the fields of one word, splitting unquoted expansions at blanks. */
  private static final class FieldSplitter {
    private final SourceLocation wordAt;
    private final List<Field> done = new ArrayList<>();
    private StringBuilder text;
    private Field whole;
    private int pieces;
    private String problem;

    FieldSplitter(SourceLocation wordAt) {
      this.wordAt = wordAt;
    }

    void literal(String s) {
      open();
      if (!s.isEmpty()) {
        text.append(s);
        pieces++;
      }
    }

    void quoted(Values values) {
      if (!values.separate()) {
        open();
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < values.fields().size(); i++) {
          joined.append(i > 0 ? " " : "").append(values.fields().get(i).text());
        }
        add(values.fields().size() == 1 ? values.fields().get(0) : null, joined.toString());
        return;
      }
      for (int i = 0; i < values.fields().size(); i++) {
        if (i > 0) {
          close();
        }
        open();
        add(values.fields().get(i), values.fields().get(i).text());
      }
    }

    void unquoted(Values values) {
      for (Field f : values.fields()) {
        String s = f.text();
        if (!f.exact()) {
          open();
          add(f, s);
          continue;
        }
        int i = 0;
        boolean first = true;
        while (i < s.length()) {
          int start = i;
          while (i < s.length() && !isBlank(s.charAt(i))) {
            i++;
          }
          if (i > start) {
            if (!first || start > 0) {
              close();
            }
            open();
            add(f, s.substring(start, i));
            first = false;
          }
          while (i < s.length() && isBlank(s.charAt(i))) {
            i++;
          }
        }
        if (!s.isEmpty() && isBlank(s.charAt(s.length() - 1))) {
          close();
        }
      }
    }

    private void add(Field from, String s) {
      text.append(s);
      pieces++;
      whole = from;
      if (from != null && from.problem() != null && problem == null) {
        problem = from.problem();
      }
    }

    private void open() {
      if (text == null) {
        text = new StringBuilder();
        pieces = 0;
        whole = null;
        problem = null;
      }
    }

    private void close() {
      if (text != null) {
        SourceLocation at = pieces == 1 && whole != null ? whole.at() : wordAt;
        done.add(new Field(text.toString(), at, problem));
        text = null;
      }
    }

    List<Field> finish() {
      close();
      return done;
    }

    private static boolean isBlank(char c) {
      return c == ' ' || c == '\t' || c == '\n';
    }
  }
}
