package org.frametag.core.segment;

import java.util.Locale;
import java.util.Set;

/**
 * Words around an ambiguous period that say which way it goes: the word after it (does it
 * usually open a sentence? is it a time zone?) and the word before it ("Type A.", "at 5 a.m.").
 */
final class Cues {

    /**
     * Capitalised words that usually open a sentence rather than continue a name: function words,
     * pronouns, auxiliaries ("Did you see"), sentence adverbs and the usual subjects of news
     * sentences, in English and Russian.
     */
    private static final Set<String> SENTENCE_OPENERS = Set.of(
            // determiners and pronouns
            "The", "A", "An", "This", "That", "These", "Those", "There", "Here", "It", "Its", "He", "She",
            "They", "We", "I", "You", "His", "Her", "Their", "Our", "My", "Your", "Some", "Many", "Most", "All",
            "Both", "Each", "Every", "Any", "None", "Several", "Few", "Such", "Other", "Another", "Only", "Much",
            // conjunctions and sentence adverbs
            "But", "And", "Or", "So", "Yet", "If", "When", "While", "After", "Before", "Since", "Although",
            "Though", "However", "Meanwhile", "Also", "Still", "Then", "Now", "Instead", "Moreover", "Thus",
            "Therefore", "Because", "Unless", "Once", "Until", "Whether", "Even", "Indeed", "Nevertheless",
            "Furthermore", "Finally", "Perhaps", "Earlier", "Later", "Last", "Next", "Today", "Yesterday",
            "Tomorrow", "Recently", "Previously", "Separately", "Overall", "Otherwise", "Not", "Never", "Yes",
            "Please",
            // prepositions
            "In", "On", "At", "As", "For", "To", "By", "With", "From", "Of", "During", "Under", "Over",
            "Despite", "Against", "Among", "Between", "Through", "Without", "Within", "About", "Around",
            "According", "Unlike", "Like",
            // questions and auxiliaries
            "What", "Who", "Why", "How", "Where", "Which", "Whose", "Is", "Are", "Was", "Were", "Do", "Does",
            "Did", "Has", "Have", "Had", "Will", "Would", "Can", "Could", "Should", "Shall", "Must",
            // the usual subjects of news sentences
            "Officials", "Analysts", "Experts", "Critics", "Observers", "Police", "Protesters", "Voters",
            "Residents", "Authorities", "Investigators", "Prosecutors", "Lawmakers", "Shares", "Sales",
            "Prices", "Witnesses", "Sources", "Citizens", "People",
            // Russian
            "В", "Во", "На", "По", "С", "Со", "К", "У", "О", "Об", "За", "Из", "От", "До", "При", "Для", "После",
            "Он", "Она", "Оно", "Они", "Мы", "Я", "Вы", "Это", "Этот", "Эта", "Эти", "Его", "Ее", "Её", "Их",
            "Как", "Но", "И", "А", "Однако", "Также", "Так", "Там", "Здесь", "Когда", "Если", "Что", "Кроме",
            "Ранее", "Позже", "Сейчас", "Теперь", "Тогда", "Всего", "Многие", "Все", "Не");

    private static final Set<String> TIME_ZONES = Set.of(
            "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "ET", "PT", "CT", "MT", "GMT", "UTC", "BST",
            "CET", "CEST", "EET", "EEST", "MSK", "IST", "JST", "AEST", "AEDT", "HKT", "SGT", "KST", "WIB");

    private static final Set<String> WEEKDAYS = Set.of(
            "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday");

    /**
     * Lower-case words that may come before "5 a.m." or "2020 г." when the time only opens the
     * sentence ("At 5 a.m. Mr. Smith left"), with weekdays and months.
     */
    private static final Set<String> TIME_INTRODUCERS = Set.of(
            "at", "by", "after", "before", "until", "till", "from", "since", "around", "about", "shortly",
            "just", "early", "late", "on", "in", "approximately", "roughly", "nearly", "only", "then", "and",
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
            "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december", "в", "к", "до", "после", "с", "около", "на", "уже", "еще", "ещё");

    /**
     * Nouns that name something by a letter or number ("Type A", "Gate D", "Chapter 2"): a
     * capital after them is a label, not an initial, and a number after them is not a list item.
     */
    private static final Set<String> LABEL_NOUNS = Set.of(
            "type", "gate", "plan", "group", "class", "section", "part", "chapter", "article", "annex",
            "appendix", "exhibit", "category", "grade", "level", "phase", "stage", "step", "round", "item",
            "point", "room", "floor", "block", "building", "terminal", "platform", "zone", "vitamin",
            "hepatitis", "option", "model", "series", "division", "league", "tier", "unit", "row", "line",
            "page", "figure", "table", "no", "number", "pool", "wing", "ward", "district", "route", "channel",
            "version", "size", "team", "list", "box", "lane", "track", "sector", "area", "camp", "act",
            "scenario", "variant", "schedule");

    static boolean opensSentence(String capitalisedWord) {
        return SENTENCE_OPENERS.contains(capitalisedWord);
    }

    static boolean isTimeZone(String word) {
        return TIME_ZONES.contains(word);
    }

    static boolean isWeekday(String word) {
        return WEEKDAYS.contains(word);
    }

    static boolean introducesTime(String word) {
        return TIME_INTRODUCERS.contains(word.toLowerCase(Locale.ROOT));
    }

    static boolean isLabelNoun(String word) {
        return LABEL_NOUNS.contains(word.toLowerCase(Locale.ROOT));
    }

    private Cues() {
    }
}
