package io.vendo.catalog;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.modulith.NamedInterface;

/**
 * CloudFormation's AWS-specific parameter types: values that name something existing in the target account. AWS checks
 * that the thing exists; without AWS, Vendo checks the form of the value, as the EC2 and Route 53 APIs define it.
 */
@NamedInterface("blueprints")
public enum AwsParameterType {
    AVAILABILITY_ZONE_NAME(
            "AWS::EC2::AvailabilityZone::Name",
            "[a-z]{2}(-[a-z0-9]+)+",
            "an Availability Zone name such as eu-west-1a",
            true),
    IMAGE_ID("AWS::EC2::Image::Id", id("ami"), "an AMI id: ami- and 8 or 17 hexadecimal digits", true),
    INSTANCE_ID("AWS::EC2::Instance::Id", id("i"), "an instance id: i- and 8 or 17 hexadecimal digits", true),
    KEY_PAIR_NAME(
            "AWS::EC2::KeyPair::KeyName",
            "[\\x20-\\x7E]{1,255}",
            "a key pair name of 1 to 255 ASCII characters",
            false),
    SECURITY_GROUP_NAME(
            "AWS::EC2::SecurityGroup::GroupName",
            "[\\x20-\\x7E]{1,255}",
            "a security group name of 1 to 255 ASCII characters",
            true),
    SECURITY_GROUP_ID(
            "AWS::EC2::SecurityGroup::Id", id("sg"), "a security group id: sg- and 8 or 17 hexadecimal digits", true),
    SUBNET_ID("AWS::EC2::Subnet::Id", id("subnet"), "a subnet id: subnet- and 8 or 17 hexadecimal digits", true),
    VOLUME_ID("AWS::EC2::Volume::Id", id("vol"), "a volume id: vol- and 8 or 17 hexadecimal digits", true),
    VPC_ID("AWS::EC2::VPC::Id", id("vpc"), "a VPC id: vpc- and 8 or 17 hexadecimal digits", true),
    HOSTED_ZONE_ID("AWS::Route53::HostedZone::Id", "[A-Z0-9]{1,32}", "a hosted zone id such as Z1D633PJN98FT9", true);

    private final String typeName;
    private final Pattern format;
    private final String expected;
    private final boolean listable;

    AwsParameterType(String typeName, String format, String expected, boolean listable) {
        this.typeName = typeName;
        this.format = Pattern.compile(format);
        this.expected = expected;
        this.listable = listable;
    }

    /** EC2 resource ids: a prefix, then 8 hexadecimal digits (older resources) or 17 (newer ones). */
    private static String id(String prefix) {
        return prefix + "-([0-9a-f]{8}|[0-9a-f]{17})";
    }

    public String typeName() {
        return typeName;
    }

    /** What a value must look like, in words, for messages and form hints. */
    public String expected() {
        return expected;
    }

    /** CloudFormation has a {@code List<…>} form of every AWS-specific type but the key pair name. */
    public boolean listable() {
        return listable;
    }

    public boolean accepts(String value) {
        return format.matcher(value).matches();
    }

    static Optional<AwsParameterType> named(String typeName) {
        return Arrays.stream(values())
                .filter(type -> type.typeName.equals(typeName))
                .findFirst();
    }
}
