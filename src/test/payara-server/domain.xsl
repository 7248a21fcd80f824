<?xml version="1.0" encoding="UTF-8"?>
<!--
  The Payara Server domain of `mvn -Ppayara-server verify`, prepared offline, before its first start: Maven copies
  the untouched domain1 of the distribution it unpacked to a fresh domain (target/payara6/glassfish/domains/smcp-it)
  and writes that domain's domain.xml through this stylesheet. What it changes, in the DAS's configuration
  (server-config) and the domain's data grid, is what server-config/payara-server/loopback-preboot.asadmin does to a
  real install, plus the ports of this build:

  - every socket on 127.0.0.1: the HTTP, HTTPS and admin listeners, the three IIOP listeners, the JMX connector (off), the
    OpenMQ broker and its lazy JMS port (a jms-service with host and imq.hostname on loopback: server-config has none
    until the first start, which is why the pre-boot file cannot set it), Hazelcast (its interface, and
    hazelcast.socket.bind.any=false, without which it binds 0.0.0.0 whatever the interface);
  - every port from the profile's properties (28xxx and 24848 by default), the OSGi shell's included;
  - phone home off (as the tests' Payara Micro runs with disablephonehome).

  It fails the build if an element it changes is missing (another domain.xml layout): better than a server that
  quietly listens on every interface.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

    <xsl:output method="xml" encoding="UTF-8"/>

    <xsl:param name="http-port"/>
    <xsl:param name="https-port"/>
    <xsl:param name="admin-port"/>
    <xsl:param name="iiop-port"/>
    <xsl:param name="iiop-ssl-port"/>
    <xsl:param name="iiop-mutualauth-port"/>
    <xsl:param name="jmx-port"/>
    <xsl:param name="jms-port"/>
    <xsl:param name="datagrid-port"/>
    <xsl:param name="osgi-shell-port"/>

    <xsl:variable name="das" select="/domain/configs/config[@name = 'server-config']"/>

    <!-- everything else as it is -->
    <xsl:template match="@* | node()">
        <xsl:copy>
            <xsl:apply-templates select="@* | node()"/>
        </xsl:copy>
    </xsl:template>

    <xsl:template match="/">
        <xsl:call-template name="require">
            <xsl:with-param name="what" select="'the DAS configuration (config server-config)'"/>
            <xsl:with-param name="found" select="count($das)"/>
        </xsl:call-template>
        <xsl:call-template name="require">
            <xsl:with-param name="what" select="'the HTTP, HTTPS and admin network listeners of server-config'"/>
            <xsl:with-param name="found" select="count($das/network-config/network-listeners/network-listener[
                    @name = 'http-listener-1' or @name = 'http-listener-2' or @name = 'admin-listener']) = 3"/>
        </xsl:call-template>
        <xsl:call-template name="require">
            <xsl:with-param name="what" select="'the three IIOP listeners of server-config'"/>
            <xsl:with-param name="found" select="count($das/iiop-service/iiop-listener) = 3"/>
        </xsl:call-template>
        <xsl:call-template name="require">
            <xsl:with-param name="what" select="'the JMX connector of server-config'"/>
            <xsl:with-param name="found" select="count($das/admin-service/jmx-connector) = 1"/>
        </xsl:call-template>
        <xsl:call-template name="require">
            <xsl:with-param name="what" select="'hazelcast-runtime-configuration'"/>
            <xsl:with-param name="found" select="count(/domain/hazelcast-runtime-configuration) = 1"/>
        </xsl:call-template>
        <xsl:call-template name="require">
            <xsl:with-param name="what" select="'the JVM options of server-config'"/>
            <xsl:with-param name="found" select="count($das/java-config) = 1"/>
        </xsl:call-template>
        <xsl:apply-templates/>
    </xsl:template>

    <xsl:template name="require">
        <xsl:param name="what"/>
        <xsl:param name="found"/>
        <xsl:if test="not($found)">
            <xsl:message terminate="yes">domain.xml has no <xsl:value-of select="$what"/>: not a Payara Server 6 domain1 this stylesheet knows</xsl:message>
        </xsl:if>
    </xsl:template>

    <!-- the data grid: the DAS's member on loopback, on our port -->
    <xsl:template match="/domain/hazelcast-runtime-configuration">
        <xsl:copy>
            <xsl:copy-of select="@*"/>
            <xsl:attribute name="interface">127.0.0.1</xsl:attribute>
            <xsl:attribute name="das-port"><xsl:value-of select="$datagrid-port"/></xsl:attribute>
            <xsl:apply-templates select="node()"/>
        </xsl:copy>
    </xsl:template>

    <xsl:template match="config[@name = 'server-config']/network-config/network-listeners/network-listener">
        <xsl:copy>
            <xsl:copy-of select="@*"/>
            <xsl:attribute name="address">127.0.0.1</xsl:attribute>
            <xsl:attribute name="port">
                <xsl:choose>
                    <xsl:when test="@name = 'http-listener-1'"><xsl:value-of select="$http-port"/></xsl:when>
                    <xsl:when test="@name = 'http-listener-2'"><xsl:value-of select="$https-port"/></xsl:when>
                    <xsl:when test="@name = 'admin-listener'"><xsl:value-of select="$admin-port"/></xsl:when>
                    <xsl:otherwise>
                        <xsl:message terminate="yes">unknown network listener <xsl:value-of select="@name"/></xsl:message>
                    </xsl:otherwise>
                </xsl:choose>
            </xsl:attribute>
            <xsl:apply-templates select="node()"/>
        </xsl:copy>
    </xsl:template>

    <xsl:template match="config[@name = 'server-config']/iiop-service/iiop-listener">
        <xsl:copy>
            <xsl:copy-of select="@*"/>
            <xsl:attribute name="address">127.0.0.1</xsl:attribute>
            <xsl:attribute name="port">
                <xsl:choose>
                    <xsl:when test="@id = 'orb-listener-1'"><xsl:value-of select="$iiop-port"/></xsl:when>
                    <xsl:when test="@id = 'SSL'"><xsl:value-of select="$iiop-ssl-port"/></xsl:when>
                    <xsl:when test="@id = 'SSL_MUTUALAUTH'"><xsl:value-of select="$iiop-mutualauth-port"/></xsl:when>
                    <xsl:otherwise>
                        <xsl:message terminate="yes">unknown IIOP listener <xsl:value-of select="@id"/></xsl:message>
                    </xsl:otherwise>
                </xsl:choose>
            </xsl:attribute>
            <xsl:apply-templates select="node()"/>
        </xsl:copy>
    </xsl:template>

    <!--
      Off: nothing here uses JMX (the adapter speaks REST to the admin listener), and a connector bound to one address
      makes the DAS log a SEVERE NotBoundException at every stop. On loopback all the same, should anyone switch it on.
    -->
    <xsl:template match="config[@name = 'server-config']/admin-service/jmx-connector">
        <xsl:copy>
            <xsl:copy-of select="@*"/>
            <xsl:attribute name="enabled">false</xsl:attribute>
            <xsl:attribute name="address">127.0.0.1</xsl:attribute>
            <xsl:attribute name="port"><xsl:value-of select="$jmx-port"/></xsl:attribute>
            <xsl:apply-templates select="node()"/>
        </xsl:copy>
    </xsl:template>

    <xsl:template match="config[@name = 'server-config']/system-property[@name = 'JMS_PROVIDER_PORT']/@value">
        <xsl:attribute name="value"><xsl:value-of select="$jms-port"/></xsl:attribute>
    </xsl:template>

    <xsl:template match="config[@name = 'server-config']/java-config/jvm-options[starts-with(., '-Dosgi.shell.telnet.port=')]">
        <xsl:copy>-Dosgi.shell.telnet.port=<xsl:value-of select="$osgi-shell-port"/></xsl:copy>
    </xsl:template>

    <xsl:template match="config[@name = 'server-config']/java-config">
        <xsl:copy>
            <xsl:apply-templates select="@* | node()"/>
            <xsl:if test="not(jvm-options[. = '-Dhazelcast.socket.bind.any=false'])">
                <jvm-options>-Dhazelcast.socket.bind.any=false</jvm-options>
            </xsl:if>
        </xsl:copy>
    </xsl:template>

    <xsl:template match="config[@name = 'server-config']">
        <xsl:copy>
            <xsl:apply-templates select="@* | node()[not(self::jms-service or self::phone-home-runtime-configuration)]"/>
            <!-- as default-config's, on loopback: the lazy JMS port listens on the host's name, the broker on imq.hostname -->
            <jms-service type="EMBEDDED" default-jms-host="default_JMS_host" addresslist-behavior="priority"
                         start-args="-Dimq.hostname=127.0.0.1">
                <jms-host name="default_JMS_host" host="127.0.0.1" port="{$jms-port}" admin-user-name="admin"
                          admin-password="admin" lazy-init="true"/>
            </jms-service>
            <phone-home-runtime-configuration enabled="false"/>
        </xsl:copy>
    </xsl:template>
</xsl:stylesheet>
