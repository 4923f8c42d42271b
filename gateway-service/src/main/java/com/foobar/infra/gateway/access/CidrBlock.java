package com.foobar.infra.gateway.access;

import java.net.InetAddress;

/**
 * An IPv4 or IPv6 address block in CIDR notation ({@code 10.0.0.0/8}, {@code ::1/128}); a bare address is a block
 * of one.
 *
 * @param network the block's address bytes
 * @param prefixLength how many leading bits an address must share with {@code network}
 */
public record CidrBlock(byte[] network, int prefixLength) {

    /**
     * Parses a block.
     *
     * @param cidr the block, for example {@code 192.168.0.0/16}
     * @return the block
     * @throws IllegalArgumentException when it is not an IP address with an optional prefix length that fits it
     */
    public static CidrBlock of(String cidr) {
        String[] parts = cidr.trim().split("/", 2);
        byte[] address;
        try {
            // A literal only: a host name here would be looked up in DNS at start-up.
            address = InetAddress.ofLiteral(parts[0]).getAddress();
        }
        catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("'" + cidr + "' is not an IP address block such as 10.0.0.0/8", ex);
        }
        int bits = address.length * 8;
        int prefix;
        try {
            prefix = (parts.length == 2) ? Integer.parseInt(parts[1]) : bits;
        }
        catch (NumberFormatException ex) {
            throw new IllegalArgumentException("'" + cidr + "' has a prefix length that is not a number", ex);
        }
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("'" + cidr + "' has a prefix length outside 0.." + bits);
        }
        return new CidrBlock(address, prefix);
    }

    /** Whether the address is in this block; an IPv4 address is never in an IPv6 block and the other way round. */
    public boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != this.network.length) {
            return false;
        }
        int whole = this.prefixLength / 8;
        for (int i = 0; i < whole; i++) {
            if (candidate[i] != this.network[i]) {
                return false;
            }
        }
        int rest = this.prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (candidate[whole] & mask) == (this.network[whole] & mask);
    }
}
