package org.frametag.seeds.behaviour;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.frametag.seeds.behaviour.SentencePattern.Choice;
import org.frametag.seeds.behaviour.SentencePattern.Literal;
import org.frametag.seeds.behaviour.SentencePattern.Part;
import org.frametag.seeds.behaviour.SentencePattern.Slot;

/**
 * Fills templates from lexicons. A template whose slots allow no more fillings than its sample
 * size yields all of them; a larger one yields that many, drawn with a seed taken from the
 * template's text, so a run is repeatable and adding a template changes no other template's
 * sentences. Slots of one lexicon under different bindings ({@code {country}},
 * {@code {country2}}) always get different entries.
 */
final class CaseGenerator {

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern SPACE_BEFORE_PUNCTUATION = Pattern.compile(" ([,.;:!?])");
    private static final Pattern SPACE_AFTER_OPENING_QUOTE = Pattern.compile("(^|\\s)([\"“‘(]) ");
    private static final int ATTEMPTS_PER_SAMPLE = 100;

    private final Lexicons lexicons;

    CaseGenerator(Lexicons lexicons) {
        this.lexicons = lexicons;
    }

    /**
     * The test cases of {@code template}.
     *
     * @throws IllegalArgumentException when a slot names a lexicon or field that does not exist, or
     *                                  when the template yields no sentence at all
     */
    List<TestCase> generate(Template template) {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        Map<String, String> lexiconOf = new LinkedHashMap<>();
        for (SentencePattern variant : template.variants()) {
            for (Part part : variant.parts()) {
                if (part instanceof Slot slot) {
                    Lexicon lexicon = lexicons.get(slot.lexicon()).orElseThrow(() -> new IllegalArgumentException(
                            "{" + slot.binding() + "}: there is no lexicon " + slot.lexicon()));
                    if (slot.field() != null && !lexicon.hasField(slot.field())) {
                        throw new IllegalArgumentException("{" + slot.binding() + "." + slot.field() + "}: lexicon "
                                + slot.lexicon() + " has no field " + slot.field() + "; its fields are " + lexicon.fields());
                    }
                    sizes.put(slot.binding(), lexicon.size());
                    lexiconOf.put(slot.binding(), slot.lexicon());
                } else if (part instanceof Choice choice) {
                    sizes.put(choice.binding(), choice.options().size());
                }
            }
        }
        List<String> bindings = List.copyOf(sizes.keySet());
        int[] radix = bindings.stream().mapToInt(sizes::get).toArray();
        long total = 1;
        for (int r : radix) {
            total = r != 0 && total > Long.MAX_VALUE / r ? Long.MAX_VALUE : total * r;
        }
        List<int[]> fillings = total <= template.samples()
                ? all(radix, total)
                : sample(radix, template.samples(), new Random(template.text().hashCode()), bindings, lexiconOf);
        List<TestCase> cases = new ArrayList<>();
        for (int[] filling : fillings) {
            if (!distinct(filling, bindings, lexiconOf)) {
                continue;
            }
            Map<String, Integer> chosen = new LinkedHashMap<>();
            for (int b = 0; b < bindings.size(); b++) {
                chosen.put(bindings.get(b), filling[b]);
            }
            cases.add(new TestCase(template, template.variants().stream().map(v -> render(v, chosen)).toList()));
        }
        if (cases.isEmpty()) {
            throw new IllegalArgumentException("the template yields no sentence"
                    + (total == 0 ? ": a lexicon it names is empty" : ": no filling gives different entries to "
                    + "the bindings of one lexicon") + " (" + template.text() + ")");
        }
        return cases;
    }

    private static List<int[]> all(int[] radix, long total) {
        List<int[]> fillings = new ArrayList<>();
        for (long n = 0; n < total; n++) {
            int[] filling = new int[radix.length];
            long rest = n;
            for (int b = radix.length - 1; b >= 0; b--) {
                filling[b] = (int) (rest % radix[b]);
                rest /= radix[b];
            }
            fillings.add(filling);
        }
        return fillings;
    }

    private static List<int[]> sample(int[] radix, int samples, Random random, List<String> bindings,
                                      Map<String, String> lexiconOf) {
        Set<List<Integer>> seen = new LinkedHashSet<>();
        List<int[]> fillings = new ArrayList<>();
        for (int attempt = 0; attempt < samples * ATTEMPTS_PER_SAMPLE && fillings.size() < samples; attempt++) {
            int[] filling = new int[radix.length];
            List<Integer> key = new ArrayList<>(radix.length);
            for (int b = 0; b < radix.length; b++) {
                filling[b] = random.nextInt(radix[b]);
                key.add(filling[b]);
            }
            if (distinct(filling, bindings, lexiconOf) && seen.add(key)) {
                fillings.add(filling);
            }
        }
        return fillings;
    }

    /** Whether bindings of one lexicon got different entries. */
    private static boolean distinct(int[] filling, List<String> bindings, Map<String, String> lexiconOf) {
        for (int a = 0; a < bindings.size(); a++) {
            String lexicon = lexiconOf.get(bindings.get(a));
            for (int b = a + 1; lexicon != null && b < bindings.size(); b++) {
                if (lexicon.equals(lexiconOf.get(bindings.get(b))) && filling[a] == filling[b]) {
                    return false;
                }
            }
        }
        return true;
    }

    private String render(SentencePattern pattern, Map<String, Integer> chosen) {
        StringBuilder out = new StringBuilder();
        for (Part part : pattern.parts()) {
            if (part instanceof Literal literal) {
                out.append(literal.text());
            } else if (part instanceof Slot slot) {
                String value = lexicons.get(slot.lexicon()).orElseThrow().value(chosen.get(slot.binding()), slot.field());
                out.append(slot.article() ? article(value) + " " + value : value);
            } else if (part instanceof Choice choice) {
                out.append(choice.options().get(chosen.get(choice.binding())));
            }
        }
        return tidy(out.toString());
    }

    /**
     * A filled sentence as a writer would have it: single spaces, none before punctuation or after
     * an opening quote (an empty choice leaves none behind), and a capital first letter.
     */
    static String tidy(String sentence) {
        String text = SPACES.matcher(sentence).replaceAll(" ");
        text = SPACE_BEFORE_PUNCTUATION.matcher(text).replaceAll("$1");
        text = SPACE_AFTER_OPENING_QUOTE.matcher(text).replaceAll("$1$2").strip();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                return text.substring(0, i) + Character.toUpperCase(c) + text.substring(i + 1);
            }
            if (Character.isLetterOrDigit(c)) {
                break;
            }
        }
        return text;
    }

    /** "a" or "an" before {@code word}, by how English says its start ("an hour", "a European"). */
    static String article(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        for (String consonantSound : List.of("eu", "uni", "uk", "use", "usu", "one", "once")) {
            if (w.startsWith(consonantSound)) {
                return "a";
            }
        }
        for (String vowelSound : List.of("hour", "honest", "honour", "heir")) {
            if (w.startsWith(vowelSound)) {
                return "an";
            }
        }
        return !w.isEmpty() && "aeiou".indexOf(w.charAt(0)) >= 0 ? "an" : "a";
    }
}
