package org.frametag.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * The top frames of a Java Flight Recorder recording's execution samples: the methods where
 * the samples were taken (self), the methods on the stack (total), and the share of samples
 * by area of the code (the first matching frame from the top decides).
 *
 * <p>Usage: {@code JfrTop RECORDING.jfr [N]}; record with
 * {@code -XX:StartFlightRecording=filename=RECORDING.jfr,settings=profile}.
 */
public final class JfrTop {

    /** Areas, checked from the top of each stack in this order; the first class prefix found names it. */
    private static final Map<String, List<String>> AREAS = areas();

    private static Map<String, List<String>> areas() {
        Map<String, List<String>> areas = new LinkedHashMap<>();
        areas.put("segmenting", List.of("org.frametag.core.segment."));
        areas.put("tokenizing", List.of("org.frametag.core.token."));
        areas.put("term matching", List.of("org.frametag.rules.terms."));
        areas.put("JSON", List.of("com.fasterxml.jackson.", "org.frametag.rules.format.", "org.frametag.core.io."));
        areas.put("Drools (insert, fire, reset)", List.of("org.drools.", "org.kie.", "org.mvel2.",
                "org.frametag.rules.facts."));
        areas.put("rule compilation / class loading", List.of("org.eclipse.jdt.", "org.antlr.", "java.lang.ClassLoader",
                "jdk.internal.loader."));
        areas.put("frametag other", List.of("org.frametag."));
        return areas;
    }

    public static void main(String[] args) throws IOException {
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> total = new HashMap<>();
        Map<String, Map<String, Integer>> callers = new HashMap<>();
        Map<String, Integer> byArea = new LinkedHashMap<>();
        double gcPauses = 0;
        double compilation = 0;
        AREAS.keySet().forEach(a -> byArea.put(a, 0));
        byArea.put("JDK and the rest", 0);
        int samples = 0;
        try (RecordingFile recording = new RecordingFile(Path.of(args[0]))) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                String type = event.getEventType().getName();
                if (type.equals("jdk.GarbageCollection")) {
                    gcPauses += event.getDuration("sumOfPauses").toNanos() / 1e9;
                }
                if (type.equals("jdk.Compilation")) {
                    compilation += event.getDuration().toNanos() / 1e9;
                }
                if (!type.equals("jdk.ExecutionSample")) {
                    continue;
                }
                RecordedStackTrace stack = event.getStackTrace();
                if (stack == null || stack.getFrames().isEmpty()) {
                    continue;
                }
                samples++;
                List<RecordedFrame> frames = stack.getFrames();
                self.merge(name(frames.get(0)), 1, Integer::sum);
                if (frames.size() > 1) {
                    StringBuilder chain = new StringBuilder(name(frames.get(1)));
                    for (int i = 2; i < Math.min(frames.size(), 4); i++) {
                        chain.append(" <- ").append(name(frames.get(i)));
                    }
                    callers.computeIfAbsent(name(frames.get(0)), k -> new HashMap<>())
                            .merge(chain.toString(), 1, Integer::sum);
                }
                Set<String> seen = new HashSet<>();
                for (RecordedFrame frame : frames) {
                    String name = frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
                    if (seen.add(name)) {
                        total.merge(name, 1, Integer::sum);
                    }
                }
                byArea.merge(area(frames), 1, Integer::sum);
            }
        }
        System.out.printf(Locale.ROOT, "%d execution samples in %s%n", samples, args[0]);
        System.out.printf(Locale.ROOT, "collector pauses %.2f s; JIT compilations %.2f s (on compiler threads)%n",
                gcPauses, compilation);
        System.out.println("by area (the first frame from the top that belongs to one):");
        int n = samples;
        byArea.forEach((area, count) -> System.out.printf(Locale.ROOT, "  %5.1f%%  %s%n", 100.0 * count / n, area));
        System.out.println("top frames, self:");
        print(self, samples, top);
        System.out.println("callers of the top 5 self frames:");
        self.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(5)
                .forEach(e -> {
                    System.out.println("  " + e.getKey() + " <-");
                    print(callers.getOrDefault(e.getKey(), Map.of()), n, 3);
                });
        System.out.println("top frames, total (org.frametag only):");
        Map<String, Integer> ours = new HashMap<>();
        total.forEach((name, count) -> {
            if (name.startsWith("org.frametag.")) {
                ours.put(name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1), count);
            }
        });
        print(ours, samples, top);
    }

    private static String area(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            for (Map.Entry<String, List<String>> area : AREAS.entrySet()) {
                for (String prefix : area.getValue()) {
                    if (type.startsWith(prefix)) {
                        return area.getKey();
                    }
                }
            }
        }
        return "JDK and the rest";
    }

    private static void print(Map<String, Integer> counts, int samples, int top) {
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(top)
                .forEach(e -> System.out.printf(Locale.ROOT, "  %5.1f%%  %s%n", 100.0 * e.getValue() / samples, e.getKey()));
    }

    private static String name(RecordedFrame frame) {
        RecordedMethod method = frame.getMethod();
        String type = method.getType().getName();
        return type.substring(type.lastIndexOf('.', type.lastIndexOf('.') - 1) + 1) + "." + method.getName();
    }

    private JfrTop() {
    }
}
