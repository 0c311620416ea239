package org.frametag.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.frametag.rules.pack.PackFile;
import org.frametag.rules.pack.RulePack;

/**
 * A few hundred documents made from the seed documents' sentences, with every kind of bad input
 * the CLI reports, and the bundled pack with a rule that loops on a trigger word.
 */
final class GeneratedCorpus {

    static final int MAX_DOC_BYTES = 3000;
    static final int MAX_FIRINGS = 1000;

    private static final ObjectMapper JSON = new ObjectMapper();

    private GeneratedCorpus() {
    }

    /** The bundled pack and a rule that loops on "loop-trigger", in {@code dir}. */
    static Path pack(Path dir) throws IOException {
        for (PackFile file : RulePack.bundled().files()) {
            Path path = dir.resolve(file.path());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.content());
        }
        Files.writeString(dir.resolve("terms/trigger.txt"), "loop-trigger\n");
        Files.writeString(dir.resolve("zz-loop.drl"), """
                package test
                import org.frametag.rules.facts.Mention

                rule "loops on a trigger word"
                when
                    $m : Mention(concept == "trigger")
                then
                    insert(new Mention("trigger", $m.getSentence(), 0, 0, 0, 0, ""));
                end
                """);
        return dir;
    }

    /** {@code news.jsonl} (with bad lines of every kind) and {@code texts/} (with bad files), in {@code dir}. */
    static Path write(Path dir, Path seeds) throws IOException {
        List<String> sentences = sentences(seeds);
        Random random = new Random(17);
        ByteArrayOutputStream jsonl = new ByteArrayOutputStream();
        for (int line = 1; line <= 300; line++) {
            String text = document(sentences, random);
            Map<String, Object> record = new LinkedHashMap<>();
            if (line % 13 != 0) {
                record.put("id", "n" + line);
            }
            record.put("text", text);
            if (line % 17 == 0) {
                record.put("date", "2024-03-" + (10 + line % 19));
            }
            String json = JSON.writeValueAsString(record);
            byte[] bytes;
            if (line % 19 == 0) {
                bytes = json.substring(0, json.length() / 2).getBytes(StandardCharsets.UTF_8);
            } else if (line % 23 == 0) {
                bytes = ("{\"id\":\"missing" + line + "\"}").getBytes(StandardCharsets.UTF_8);
            } else if (line % 29 == 0) {
                bytes = ("{\"id\":\"blank" + line + "\",\"text\":\"  \\n \"}").getBytes(StandardCharsets.UTF_8);
            } else if (line % 31 == 0) {
                bytes = ("{\"id\":\"number" + line + "\",\"text\":42}").getBytes(StandardCharsets.UTF_8);
            } else if (line % 37 == 0) {
                bytes = new byte[0];
            } else if (line % 41 == 0) {
                bytes = JSON.writeValueAsBytes(Map.of("id", "long" + line, "text", "Word after word. ".repeat(MAX_DOC_BYTES / 10)));
            } else if (line % 47 == 0) {
                ByteArrayOutputStream latin1 = new ByteArrayOutputStream();
                latin1.writeBytes(("{\"id\":\"latin" + line + "\",\"text\":\"Caf").getBytes(StandardCharsets.UTF_8));
                latin1.write(0xE9);
                latin1.writeBytes(" au lait.\"}".getBytes(StandardCharsets.UTF_8));
                bytes = latin1.toByteArray();
            } else if (line % 53 == 0) {
                bytes = JSON.writeValueAsBytes(Map.of("id", "loop" + line, "text", "This has a loop-trigger in it. " + text));
            } else {
                bytes = json.getBytes(StandardCharsets.UTF_8);
            }
            jsonl.writeBytes(bytes);
            jsonl.writeBytes(line % 43 == 0 ? new byte[] {'\r', '\n'} : new byte[] {'\n'});
        }
        Files.createDirectories(dir);
        Files.write(dir.resolve("news.jsonl"), jsonl.toByteArray());

        Path texts = Files.createDirectories(dir.resolve("texts"));
        for (int i = 0; i < 40; i++) {
            String date = i % 4 == 0 ? "date 2024-01-0" + (1 + i % 9) + "\n" : "";
            Files.writeString(texts.resolve(String.format("t%02d.txt", i)), date + document(sentences, random));
        }
        Files.writeString(texts.resolve("empty.txt"), "\n \n");
        Files.write(texts.resolve("latin1.txt"), new byte[] {'C', 'a', 'f', (byte) 0xE9, '.'});
        Files.write(texts.resolve("bom.txt"), ("\uFEFF" + document(sentences, random)).getBytes(StandardCharsets.UTF_8));
        Files.writeString(texts.resolve("large.txt"), "Word after word. ".repeat(MAX_DOC_BYTES / 10));
        Files.writeString(texts.resolve("crlf.txt"), document(sentences, random).replace("\n", "\r\n"));
        Files.writeString(texts.resolve("notes.md"), "Not an input: folders give only *.txt and *.jsonl files.");
        return dir;
    }

    private static String document(List<String> sentences, Random random) {
        StringBuilder text = new StringBuilder();
        int count = 2 + random.nextInt(7);
        for (int i = 0; i < count; i++) {
            text.append(sentences.get(random.nextInt(sentences.size()))).append(random.nextInt(5) == 0 ? "\n\n" : " ");
        }
        return text.toString().strip();
    }

    private static List<String> sentences(Path seeds) throws IOException {
        List<String> sentences = new ArrayList<>();
        try (Stream<Path> files = Files.list(seeds)) {
            for (Path file : files.sorted().toList()) {
                for (String part : Files.readString(file).split("(?<=[.!?])\\s+")) {
                    if (part.length() > 20 && part.length() < 400 && !part.startsWith("date ")) {
                        sentences.add(part.strip());
                    }
                }
            }
        }
        return sentences;
    }
}
