namespace AriaPro.Client;
