package io.vendo.deploy;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.core.SdkSystemSetting;
import software.amazon.awssdk.profiles.ProfileFileSystemSetting;

/** The environment variables the AWS SDK for Java v2 reads, from the SDK's own lists of them. */
final class AwsSdkSettings {

    private AwsSdkSettings() {}

    static Set<String> variables() {
        var variables = new TreeSet<String>();
        Arrays.stream(SdkSystemSetting.values())
                .map(SdkSystemSetting::environmentVariable)
                .filter(Objects::nonNull)
                .forEach(variables::add);
        Arrays.stream(ProfileFileSystemSetting.values())
                .map(ProfileFileSystemSetting::environmentVariable)
                .filter(Objects::nonNull)
                .forEach(variables::add);
        // The SDK's endpoint for every service (an emulator); Vendo's AwsConnection also reads it itself.
        variables.add("AWS_ENDPOINT_URL");
        return variables;
    }
}
