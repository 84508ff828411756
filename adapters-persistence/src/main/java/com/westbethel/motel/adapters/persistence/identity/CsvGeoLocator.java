package com.westbethel.motel.adapters.persistence.identity;

import com.westbethel.motel.application.identity.port.out.GeoLocator;
import com.westbethel.motel.domain.identity.GeoPoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Places client addresses with a GeoIP table the operator supplies as CSV, one network a line:
 * {@code cidr,latitude,longitude,label} (IPv4 or IPv6; {@code #} starts a comment). The most specific
 * matching network wins. Without a file nothing is placed and the impossible-travel check stays off.
 */
public class CsvGeoLocator implements GeoLocator {

    private final List<Network> networks;

    private CsvGeoLocator(List<Network> networks) {
        this.networks = networks.stream().sorted(Comparator.comparingInt(Network::prefixLength).reversed()).toList();
    }

    /** A locator that knows no address: the default. */
    public static CsvGeoLocator none() {
        return new CsvGeoLocator(List.of());
    }

    public static CsvGeoLocator load(Path csv) {
        List<Network> networks = new ArrayList<>();
        try {
            int lineNumber = 0;
            for (String line : Files.readAllLines(csv, StandardCharsets.UTF_8)) {
                lineNumber++;
                String content = line.strip();
                if (content.isEmpty() || content.startsWith("#")) {
                    continue;
                }
                String[] fields = content.split(",", 4);
                if (fields.length != 4) {
                    throw new IllegalArgumentException("%s line %d: expected cidr,latitude,longitude,label".formatted(csv, lineNumber));
                }
                networks.add(Network.parse(fields[0].strip(), new GeoPoint(Double.parseDouble(fields[1].strip()),
                        Double.parseDouble(fields[2].strip()), fields[3].strip())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the GeoIP file " + csv, e);
        }
        return new CsvGeoLocator(networks);
    }

    @Override
    public Optional<GeoPoint> locate(String ipAddress) {
        if (networks.isEmpty() || !looksNumeric(ipAddress)) {
            return Optional.empty();
        }
        byte[] address;
        try {
            address = InetAddress.getByName(ipAddress).getAddress();
        } catch (UnknownHostException notAnAddress) {
            return Optional.empty();
        }
        return networks.stream().filter(network -> network.contains(address)).map(Network::place).findFirst();
    }

    /** Only literal addresses: never trigger a DNS lookup from a login. */
    private static boolean looksNumeric(String address) {
        return address != null && !address.isBlank() && address.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':');
    }

    public int size() {
        return networks.size();
    }

    private record Network(byte[] base, int prefixLength, GeoPoint place) {

        static Network parse(String cidr, GeoPoint place) {
            String[] parts = cidr.split("/");
            if (!looksNumeric(parts[0])) {
                throw new IllegalArgumentException("not an address: " + cidr);
            }
            try {
                byte[] base = InetAddress.getByName(parts[0]).getAddress();
                int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : base.length * 8;
                if (prefix < 0 || prefix > base.length * 8) {
                    throw new IllegalArgumentException("bad prefix length in " + cidr);
                }
                return new Network(base, prefix, place);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("not an address: " + cidr, e);
            }
        }

        boolean contains(byte[] address) {
            if (address.length != base.length) {
                return false;
            }
            int hostBits = base.length * 8 - prefixLength;
            return new BigInteger(1, address).shiftRight(hostBits).equals(new BigInteger(1, base).shiftRight(hostBits));
        }
    }
}
