package io.vendo.environment.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One of the handles AWS knows an environment by, with a link to it in the AWS console where there is one. */
record ConsoleLink(String name, String value, @Nullable String consoleUrl) {

    static List<ConsoleLink> of(Map<String, String> handles, String region) {
        var links = new ArrayList<ConsoleLink>();
        handles.forEach((name, value) -> links.add(new ConsoleLink(name, value, url(name, value, region))));
        return links;
    }

    private static @Nullable String url(String name, String value, String region) {
        var encoded = URLEncoder.encode(value, StandardCharsets.UTF_8);
        return switch (name) {
            case "StackId" ->
                "https://%1$s.console.aws.amazon.com/cloudformation/home?region=%1$s#/stacks/stackinfo?stackId=%2$s"
                        .formatted(region, encoded);
            case "ProvisionedProductId" ->
                "https://%1$s.console.aws.amazon.com/servicecatalog/home?region=%1$s#provisioned-products/%2$s"
                        .formatted(region, encoded);
            case "AccountId" ->
                "https://us-east-1.console.aws.amazon.com/organizations/v2/home/accounts/%s".formatted(encoded);
            case "StackSetName" ->
                "https://%1$s.console.aws.amazon.com/cloudformation/home?region=%1$s#/stacksets/%2$s/info"
                        .formatted(region, encoded);
            default -> null;
        };
    }
}
