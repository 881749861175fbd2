/** A view added to the sample after go-live, filled from the log by the replay job: accounts per holder initial. */
package io.sourceflow.sample.initials;
