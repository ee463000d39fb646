package io.osbaseline.azure;

import com.azure.resourcemanager.resourcegraph.ResourceGraphManager;
import com.azure.resourcemanager.resourcegraph.models.QueryRequest;
import com.azure.resourcemanager.resourcegraph.models.QueryRequestOptions;
import com.azure.resourcemanager.resourcegraph.models.QueryResponse;
import com.azure.resourcemanager.resourcegraph.models.ResultFormat;
import io.osbaseline.model.Status;
import io.osbaseline.provider.ProviderException;
import io.osbaseline.provider.UncheckedProviderException;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import javax.annotation.CheckForNull;
import javax.annotation.Nullable;

/**
 * Reads Defender for Cloud's sub-assessments of the two baseline recommendations through Azure Resource Graph
 * ({@code securityresources}), 1,000 rows a page, following {@code $skipToken}.
 */
final class DefenderAssessments {
    /** Assessment key → this SDK's baseline id. Some translations of Defender's docs swap the two: both are read. */
    static final Map<String, String> ASSESSMENTS = Map.of(
            "1f655fb7-63ca-4980-91a3-56dbc2b715c6", "azure-linux",
            "8c3d9ad0-3639-4686-9cd2-2b2ab2609bda", "azure-windows");
    static final String QUERY = """
            securityresources
            | where type == "microsoft.security/assessments/subassessments"
            | extend assessmentKey = tolower(extract(@"(?i)providers/Microsoft.Security/assessments/([^/]*)", 1, id))
            | where assessmentKey in ('1f655fb7-63ca-4980-91a3-56dbc2b715c6', '8c3d9ad0-3639-4686-9cd2-2b2ab2609bda')
            | extend machineId = tostring(properties.resourceDetails.id)
            | project id, machineId, assessmentKey, status = tostring(properties.status.code),
                severity = tostring(properties.status.severity), ruleId = tostring(properties.id),
                title = tostring(properties.displayName), timeGenerated = tostring(properties.timeGenerated)
            """;
    private static final int PAGE = 1000;

    private final ResourceGraphManager graph;
    private final List<String> subscriptions;

    DefenderAssessments(ResourceGraphManager graph, List<String> subscriptions) {
        this.graph = graph;
        this.subscriptions = List.copyOf(subscriptions);
    }

    /** Every sub-assessment of the baseline recommendations, page by page as the stream is read. */
    Stream<DefenderFinding> findings() {
        Iterator<DefenderFinding> it = new Iterator<>() {
            private Iterator<?> page = Collections.emptyIterator();
            private @Nullable String skipToken;
            private boolean started;
            private @Nullable DefenderFinding next;

            @Override
            public boolean hasNext() {
                while (next == null) {
                    if (page.hasNext()) {
                        next = row(page.next());
                    } else if (!started || skipToken != null) {
                        fetch();
                    } else {
                        return false;
                    }
                }
                return true;
            }

            private void fetch() {
                QueryRequestOptions options = new QueryRequestOptions().withResultFormat(ResultFormat.OBJECT_ARRAY)
                        .withTop(PAGE).withSkipToken(skipToken);
                QueryResponse response;
                try {
                    response = graph.resourceProviders().resources(new QueryRequest().withSubscriptions(subscriptions)
                            .withQuery(QUERY).withOptions(options));
                } catch (RuntimeException e) {
                    throw new UncheckedProviderException(new ProviderException("cannot read Defender for Cloud's"
                            + " sub-assessments through Azure Resource Graph: " + AzureErrors.describe(e), e));
                }
                started = true;
                skipToken = response.skipToken() == null || response.skipToken().isBlank() ? null
                        : response.skipToken();
                if (!(response.data() instanceof List<?> rows)) {
                    throw new UncheckedProviderException(new ProviderException("Azure Resource Graph answered"
                            + " without a row array: " + response.data()));
                }
                page = rows.iterator();
            }

            @Override
            public DefenderFinding next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                DefenderFinding f = next;
                next = null;
                return f;
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL),
                false);
    }

    /** A row, or null for one without a machine or a rule (skipped). */
    @CheckForNull
    static DefenderFinding row(Object row) {
        if (!(row instanceof Map<?, ?> map)) {
            return null;
        }
        String machine = text(map, "machineId");
        String ruleId = text(map, "ruleId");
        String baseline = ASSESSMENTS.get(String.valueOf(map.get("assessmentKey")).toLowerCase(Locale.ROOT));
        if (machine == null || ruleId == null || baseline == null) {
            return null;
        }
        String code = text(map, "status");
        Status status = code == null ? Status.UNKNOWN : switch (code.toLowerCase(Locale.ROOT)) {
            case "healthy" -> Status.PASS;
            case "unhealthy" -> Status.FAIL;
            case "notapplicable" -> Status.NOT_APPLICABLE;
            default -> Status.UNKNOWN;
        };
        return new DefenderFinding(machine, baseline, ruleId, text(map, "title"), status, text(map, "severity"),
                text(map, "timeGenerated"));
    }

    @CheckForNull
    private static String text(Map<?, ?> map, String key) {
        Object v = map.get(key);
        return v == null || v.toString().isBlank() ? null : v.toString();
    }
}
