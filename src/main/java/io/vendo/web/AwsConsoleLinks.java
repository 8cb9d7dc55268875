package io.vendo.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where in the AWS console people find what an execution created: the stack (and its change set), the provisioned
 * product, the stack set, the account. The console's host depends on the partition (commercial, GovCloud, China),
 * which the region names; the paths are the console's own deep links.
 */
public final class AwsConsoleLinks {

    private static final Pattern ARN = Pattern.compile("arn:(aws[a-z-]*):([a-z0-9-]+):([a-z0-9-]*):(\\d{12})?:(.+)");
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

    private AwsConsoleLinks() {}

    /** A link for each of these AWS ids that has a page in the console, by the id's name. */
    public static Map<String, String> of(Map<String, String> awsIds, String targetRegion) {
        var links = new LinkedHashMap<String, String>();
        awsIds.forEach((name, value) -> link(name, value, awsIds, targetRegion).ifPresent(url -> links.put(name, url)));
        return links;
    }

    private static Optional<String> link(String name, String value, Map<String, String> ids, String targetRegion) {
        var arn = ARN.matcher(value);
        var region = arn.matches() && !arn.group(3).isEmpty() ? arn.group(3) : targetRegion;
        var console = "https://%s.%s".formatted(region, host(region));
        return switch (name) {
            case "StackId" ->
                Optional.of(console + "/cloudformation/home?region=" + region + "#/stacks/stackinfo?stackId="
                        + encode(value));
            case "ChangeSetId" ->
                Optional.ofNullable(ids.get("StackId"))
                        .map(stack -> console + "/cloudformation/home?region=" + region
                                + "#/stacks/changesets/changes?stackId=" + encode(stack) + "&changeSetId="
                                + encode(value));
            case "ProvisionedProductId" ->
                Optional.of(
                        console + "/servicecatalog/home?region=" + region + "#/provisioned-products/" + encode(value));
            case "StackSetName", "StackSetId" ->
                Optional.of(console + "/cloudformation/home?region=" + region + "#/stacksets/"
                        + encode(value.contains(":") ? value.substring(0, value.indexOf(':')) : value)
                        + "/info?permissions=self");
            case "AccountId" ->
                ACCOUNT.matcher(value).matches()
                        ? Optional.of("https://%s.%s/organizations/v2/home/accounts/%s"
                                .formatted(organizationsRegion(region), host(region), value))
                        : Optional.empty();
            default -> Optional.empty();
        };
    }

    /** The console's domain in the region's partition. */
    private static String host(String region) {
        if (region.startsWith("us-gov-")) {
            return "console.amazonaws-us-gov.com";
        }
        if (region.startsWith("cn-")) {
            return "console.amazonaws.cn";
        }
        return "console.aws.amazon.com";
    }

    /** Organizations is a global service whose console lives in one region per partition. */
    private static String organizationsRegion(String region) {
        if (region.startsWith("us-gov-")) {
            return "us-gov-west-1";
        }
        if (region.startsWith("cn-")) {
            return "cn-northwest-1";
        }
        return "us-east-1";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
