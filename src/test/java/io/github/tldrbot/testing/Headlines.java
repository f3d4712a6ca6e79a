package io.github.tldrbot.testing;

/**
 * Distinct news headlines for tests that need many articles which are <em>different</em> stories:
 * since stories exist (SPEC §5.5), templated titles such as "Story 3 of the burst" and "Story 4 of
 * the burst" are rightly one story, so burst tests use unrelated events instead.
 */
public final class Headlines {
    private static final String[] COMPANIES = {"Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark Industries",
        "Wayne Enterprises", "Wonka", "Tyrell", "Cyberdyne", "Soylent", "Vandelay", "Oscorp", "Gringotts", "Monarch",
        "Aperture", "Duff", "Krusty", "Nakatomi", "Pied Piper", "Massive Dynamic", "Dunder Mifflin", "Prestige Worldwide",
        "Bluth Company", "Sterling Cooper"};
    private static final String[] EVENTS = {"opens a factory in Ohio", "recalls electric kettles", "names a new chief executive",
        "wins a patent appeal", "cuts laptop prices", "launches a weather satellite", "settles a privacy lawsuit",
        "buys a rival bakery chain", "delays its flagship phone", "raises its dividend", "closes three stores in Leeds",
        "signs a railway contract", "fixes a payroll outage", "expands into Brazil", "pauses a drone programme",
        "sells its shipping arm", "funds a coral reef survey", "moves headquarters to Denver", "loses a tax case",
        "unveils a solar roof tile", "hires two thousand nurses", "bans office pets", "doubles its bike fleet",
        "publishes an emissions audit", "reopens a historic cinema"};
    private static final String[] PLACES = {"Lisbon", "Osaka", "Nairobi", "Toronto", "Krakow", "Lima", "Perth", "Oslo",
        "Austin", "Dublin", "Seoul", "Quito", "Accra", "Tbilisi", "Hanoi", "Tallinn", "Bergen", "Cusco", "Darwin",
        "Malmo", "Porto", "Izmir", "Sapporo", "Cork", "Tromso"};

    private Headlines() {
    }

    /** How many distinct headlines there are. */
    public static int count() {
        return COMPANIES.length;
    }

    /** The i-th headline (1-based), unlike every other one. */
    public static String title(int i) {
        int k = (i - 1) % COMPANIES.length;
        return COMPANIES[k] + " " + EVENTS[k];
    }

    /** A one-sentence body that tells the i-th event. */
    public static String body(int i) {
        int k = (i - 1) % COMPANIES.length;
        return COMPANIES[k] + " said in " + PLACES[k] + " that it " + EVENTS[k] + ".";
    }
}
