package io.vendo.request.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vendo.catalog.BlueprintKind;
import io.vendo.catalog.BlueprintMetadata;
import io.vendo.catalog.CatalogAdministration;
import io.vendo.catalog.EnvironmentTier;
import io.vendo.catalog.NewBlueprint;
import io.vendo.catalog.NewTarget;
import io.vendo.catalog.NewVersion;
import io.vendo.support.AwsStub;
import io.vendo.support.LiveAws;
import io.vendo.support.VendoIntegrationTest;
import io.vendo.support.WebSession;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With AWS live, the request form offers the target account's VPCs and subnets, listed through the real EC2 client
 * as the target's role against a server speaking EC2's query protocol; when the lookup fails, the typed input stays.
 */
@VendoIntegrationTest
class AccountResourceOffersTest {

    static final String TEMPLATE =
            """
            AWSTemplateFormatVersion: "2010-09-09"
            Parameters:
              Vpc:
                Type: AWS::EC2::VPC::Id
              Subnets:
                Type: List<AWS::EC2::Subnet::Id>
            Resources:
              Topic:
                Type: AWS::SNS::Topic
            """;

    private static final String ROLE = "arn:aws:iam::111122223333:role/VendoExecution";

    @DynamicPropertySource
    static void aws(DynamicPropertyRegistry registry) {
        LiveAws.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    CatalogAdministration catalog;

    private String slug;

    @BeforeEach
    void setUp() {
        AwsStub.reset();
        AwsStub.stubAssumeRole();
        slug = "network-" + UUID.randomUUID().toString().substring(0, 8);
        catalog.create(new NewBlueprint(
                slug,
                BlueprintKind.STACK,
                new BlueprintMetadata(
                        "Network app", "Runs in a VPC", "platform-team", Map.of(), List.of(), null, null, null),
                new NewVersion(TEMPLATE, List.of(), null)));
    }

    @Test
    void formOffersTheTargetAccountsVpcsAndSubnetsWithTheirNamesListedAsTheTargetRole() {
        var target = "offers-" + slug;
        catalog.register(new NewTarget(
                target, "Dev (offers)", AwsStub.ACCOUNT, "eu-west-1", EnvironmentTier.DEV, ROLE, "ext-offers"));
        var vpcs = new LinkedHashMap<String, String>();
        vpcs.put("vpc-0a1b2c3d4e5f60718", "shared-network");
        vpcs.put("vpc-11112222", "legacy");
        AwsStub.stubDescribeVpcs(vpcs);
        AwsStub.stubDescribeSubnets(List.<String[]>of(
                new String[] {"subnet-0aaa1111bbbb22223", "vpc-0a1b2c3d4e5f60718", "eu-west-1a", "private-a"},
                new String[] {"subnet-0ccc3333dddd44445", "vpc-0a1b2c3d4e5f60718", "eu-west-1b", "private-b"}));

        var page = new WebSession(port).logIn("requester").get("/blueprints/" + slug + "/request?target=" + target);

        assertThat(page.status()).isEqualTo(200);
        var html = page.body();
        assertThat(html)
                .contains("<select id=\"param-Vpc\" name=\"parameters[Vpc]\"")
                .contains("<option value=\"vpc-0a1b2c3d4e5f60718\">vpc-0a1b2c3d4e5f60718 (shared-network)</option>")
                .contains("<option value=\"vpc-11112222\">vpc-11112222 (legacy)</option>")
                .contains("<input type=\"checkbox\" name=\"parameters[Subnets]\" value=\"subnet-0aaa1111bbbb22223\"")
                .contains("<span>subnet-0aaa1111bbbb22223 (private-a, eu-west-1a)</span>")
                .contains("<input type=\"checkbox\" name=\"parameters[Subnets]\" value=\"subnet-0ccc3333dddd44445\"")
                .contains("<span>subnet-0ccc3333dddd44445 (private-b, eu-west-1b)</span>")
                .contains("Listed from the target account.")
                .doesNotContain("type=\"text\" id=\"param-Vpc\"")
                .doesNotContain("<textarea rows=\"3\" id=\"param-Subnets\"");

        // Listed in the target account: the role was assumed, and EC2 was called with its credentials.
        var assumeRole = AwsStub.form(AwsStub.received("AssumeRole").getFirst());
        assertThat(assumeRole).containsEntry("RoleArn", ROLE).containsEntry("ExternalId", "ext-offers");
        for (var action : List.of("DescribeVpcs", "DescribeSubnets")) {
            var calls = AwsStub.received(action);
            assertThat(calls).as(action).isNotEmpty();
            assertThat(calls.getFirst().getHeader("Authorization"))
                    .contains("Credential=" + AwsStub.ASSUMED_ACCESS_KEY + "/")
                    .contains("/eu-west-1/ec2/");
        }
    }

    @Test
    void whenEc2RefusesTheFormKeepsTypedInputsAndStillAcceptsATypedValue() {
        var target = "refused-" + slug;
        catalog.register(
                new NewTarget(target, "Dev (refused)", AwsStub.ACCOUNT, "eu-west-1", EnvironmentTier.DEV, ROLE, null));
        // No EC2 stubs: every Describe call gets WireMock's 404, an error the SDK reports.

        var session = new WebSession(port).logIn("requester");
        var page = session.get("/blueprints/" + slug + "/request?target=" + target);

        assertThat(page.body())
                .contains("<input type=\"text\" id=\"param-Vpc\" name=\"parameters[Vpc]\"")
                .contains("<textarea rows=\"3\" id=\"param-Subnets\" name=\"parameters[Subnets]\"")
                .doesNotContain("<select id=\"param-Vpc\"");
        assertThat(AwsStub.received("DescribeVpcs")).isNotEmpty();

        var submitted = session.post(
                "/blueprints/" + slug + "/request",
                Map.of(
                        "target", target,
                        "parameters[Vpc]", "vpc-0123abcd",
                        "parameters[Subnets]", "subnet-0123abcd\nsubnet-4567ef01",
                        "justification", "Typed by hand",
                        "step", "submit"));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(302);
        assertThat(submitted.location()).contains("/requests/");
    }
}
