package io.osbaseline.report;

import java.util.Comparator;

/**
 * Orders rule ids the way baselines number them: {@code 1.1.4 < 1.1.16 < 2.1 < 10 < AZ-WIN-00145}. Numeric
 * components compare as numbers, other components as text.
 */
public final class RuleIdOrder implements Comparator<String> {
    public static final RuleIdOrder INSTANCE = new RuleIdOrder();

    private RuleIdOrder() {
    }

    @Override
    public int compare(String a, String b) {
        String[] pa = a.split("[.\\-_]");
        String[] pb = b.split("[.\\-_]");
        for (int i = 0; i < Math.min(pa.length, pb.length); i++) {
            int c = component(pa[i], pb[i]);
            if (c != 0) {
                return c;
            }
        }
        int c = Integer.compare(pa.length, pb.length);
        return c != 0 ? c : a.compareTo(b);
    }

    private static int component(String a, String b) {
        boolean na = !a.isEmpty() && a.chars().allMatch(Character::isDigit);
        boolean nb = !b.isEmpty() && b.chars().allMatch(Character::isDigit);
        if (na && nb) {
            String da = a.replaceFirst("^0+(?=.)", "");
            String db = b.replaceFirst("^0+(?=.)", "");
            int c = Integer.compare(da.length(), db.length());
            return c != 0 ? c : da.compareTo(db);
        }
        if (na != nb) {
            return na ? -1 : 1;
        }
        return a.compareToIgnoreCase(b);
    }
}
