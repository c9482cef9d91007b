-- The sociale kaart uses the database named by POSTGRES_DB; Rasa keeps conversations apart.
CREATE DATABASE rasa;
