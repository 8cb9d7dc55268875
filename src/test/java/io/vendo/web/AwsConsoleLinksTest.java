package io.vendo.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import org.junit.jupiter.api.Test;

/** Where the console shows what an execution created, in each partition. */
class AwsConsoleLinksTest {

    private static final String STACK =
            "arn:aws:cloudformation:eu-west-1:111122223333:stack/vendo-site/0b9c2a50-c5f2-11ee-9a4e-06c3f2e1b2a1";

    @Test
    void aStackAndItsChangeSetOpenInTheirRegionsCloudFormationConsole() {
        var ids = new LinkedHashMap<String, String>();
        ids.put("StackId", STACK);
        ids.put("ChangeSetId", "arn:aws:cloudformation:eu-west-1:111122223333:changeSet/vendo/1c2d");
        var links = AwsConsoleLinks.of(ids, "us-east-1");
        assertThat(links.get("StackId"))
                .isEqualTo("https://eu-west-1.console.aws.amazon.com/cloudformation/home?region=eu-west-1"
                        + "#/stacks/stackinfo?stackId=arn%3Aaws%3Acloudformation%3Aeu-west-1%3A111122223333%3Astack"
                        + "%2Fvendo-site%2F0b9c2a50-c5f2-11ee-9a4e-06c3f2e1b2a1");
        assertThat(links.get("ChangeSetId"))
                .startsWith("https://eu-west-1.console.aws.amazon.com/cloudformation/home?region=eu-west-1"
                        + "#/stacks/changesets/changes?stackId=arn%3Aaws")
                .contains("&changeSetId=arn%3Aaws%3Acloudformation");
    }

    @Test
    void productsStackSetsAndAccountsHaveTheirPagesAndOtherIdsNone() {
        var ids = new LinkedHashMap<String, String>();
        ids.put("ProvisionedProductId", "pp-abcdefghijklm");
        ids.put("StackSetId", "vendo-baseline:6f3c");
        ids.put("AccountId", "444455556666");
        ids.put("ProvisioningRecordId", "rec-1234");
        var links = AwsConsoleLinks.of(ids, "eu-central-1");
        assertThat(links)
                .containsEntry(
                        "ProvisionedProductId",
                        "https://eu-central-1.console.aws.amazon.com/servicecatalog/home?region=eu-central-1"
                                + "#/provisioned-products/pp-abcdefghijklm")
                .containsEntry(
                        "StackSetId",
                        "https://eu-central-1.console.aws.amazon.com/cloudformation/home?region=eu-central-1"
                                + "#/stacksets/vendo-baseline/info?permissions=self")
                .containsEntry(
                        "AccountId",
                        "https://us-east-1.console.aws.amazon.com/organizations/v2/home/accounts/444455556666")
                .doesNotContainKey("ProvisioningRecordId");
    }

    @Test
    void govCloudAndChinaHaveConsolesOfTheirOwn() {
        assertThat(AwsConsoleLinks.of(java.util.Map.of("AccountId", "444455556666"), "us-gov-west-1"))
                .containsValue(
                        "https://us-gov-west-1.console.amazonaws-us-gov.com/organizations/v2/home/accounts/444455556666");
        assertThat(AwsConsoleLinks.of(java.util.Map.of("ProvisionedProductId", "pp-x"), "cn-north-1"))
                .containsValue("https://cn-north-1.console.amazonaws.cn/servicecatalog/home?region=cn-north-1"
                        + "#/provisioned-products/pp-x");
    }
}
