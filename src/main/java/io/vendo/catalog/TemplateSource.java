package io.vendo.catalog;

/** Where CloudFormation reads a template from, which sets how large it may be. */
enum TemplateSource {
    /** {@code TemplateBody} in the API call. */
    BODY(51_200, "in a request body"),
    /** {@code TemplateURL}: an object in S3. */
    S3(1_048_576, "from S3");

    private final int maxBytes;
    private final String where;

    TemplateSource(int maxBytes, String where) {
        this.maxBytes = maxBytes;
        this.where = where;
    }

    int maxBytes() {
        return maxBytes;
    }

    String where() {
        return where;
    }
}
