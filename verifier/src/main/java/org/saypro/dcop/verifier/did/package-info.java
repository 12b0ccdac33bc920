/** DID resolution adapters that need the network, each bounded in time, size and destination. */
package org.saypro.dcop.verifier.did;
