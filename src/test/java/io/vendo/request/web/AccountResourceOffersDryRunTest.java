package io.vendo.request.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vendo.catalog.BlueprintKind;
import io.vendo.catalog.BlueprintMetadata;
import io.vendo.catalog.CatalogAdministration;
import io.vendo.catalog.EnvironmentTier;
import io.vendo.catalog.NewBlueprint;
import io.vendo.catalog.NewTarget;
import io.vendo.catalog.NewVersion;
import io.vendo.support.VendoIntegrationTest;
import io.vendo.support.WebSession;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** In dry run nothing is looked up in AWS: AWS-specific parameters keep their typed, format-checked inputs. */
@VendoIntegrationTest
@TestPropertySource(properties = "vendo.aws.mode=dry-run")
class AccountResourceOffersDryRunTest {

    @LocalServerPort
    int port;

    @Autowired
    CatalogAdministration catalog;

    @Test
    void dryRunFormKeepsTypedInputsForAwsSpecificTypes() {
        catalog.register(new NewTarget(
                "dry-offers", "Dry (offers)", "111122223333", "eu-west-1", EnvironmentTier.DEV, null, null));
        catalog.create(new NewBlueprint(
                "dry-network",
                BlueprintKind.STACK,
                new BlueprintMetadata(
                        "Dry network app", "Runs in a VPC", "platform-team", Map.of(), List.of(), null, null, null),
                new NewVersion(AccountResourceOffersTest.TEMPLATE, List.of(), null)));

        var page = new WebSession(port).logIn("requester").get("/blueprints/dry-network/request?target=dry-offers");

        assertThat(page.body())
                .contains("<input type=\"text\" id=\"param-Vpc\" name=\"parameters[Vpc]\"")
                .contains("placeholder=\"a VPC id: vpc- and 8 or 17 hexadecimal digits\"")
                .contains("<textarea rows=\"3\" id=\"param-Subnets\" name=\"parameters[Subnets]\"")
                .doesNotContain("<select id=\"param-Vpc\"")
                .doesNotContain("Listed from the target account.");
    }
}
