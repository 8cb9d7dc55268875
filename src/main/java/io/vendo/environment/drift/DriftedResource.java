package io.vendo.environment.drift;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A stack resource that differs from its template, as DescribeStackResourceDrifts reports it.
 *
 * @param logicalId its logical id in the template
 * @param type e.g. {@code AWS::S3::Bucket}
 * @param physicalId its name or id in AWS, when it has one
 * @param status {@code MODIFIED} (see the differences) or {@code DELETED} (removed outside CloudFormation)
 * @param differences for a modified resource, each property that differs
 */
public record DriftedResource(
        String logicalId, String type, @Nullable String physicalId, String status, List<Difference> differences) {

    public DriftedResource {
        differences = List.copyOf(differences);
    }

    /**
     * A property whose actual value differs from the expected one.
     *
     * @param path the property's path, e.g. {@code /VersioningConfiguration/Status}
     * @param type {@code ADD}, {@code REMOVE} or {@code NOT_EQUAL}
     */
    public record Difference(String path, String expected, String actual, String type) {}
}
